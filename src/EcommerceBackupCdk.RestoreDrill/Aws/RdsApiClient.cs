using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>RDS over the query protocol (form-encoded POST, XML answer): exactly DescribeDBInstances and DescribeDBClusters.</summary>
public sealed class RdsApiClient : IRdsApi
{
    private const string Service = "RDS";
    private const string ApiVersion = "2014-10-31";
    private readonly AwsRequestSender _sender;

    public RdsApiClient(AwsClientOptions options)
    {
        _sender = new AwsRequestSender(Service, "rds", "rds", AwsProtocol.Query, options);
    }

    public async Task<DbInstanceDescription> DescribeDbInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbInstanceIdentifier);
        var root = await CallAsync("DescribeDBInstances", ("DBInstanceIdentifier", dbInstanceIdentifier), cancellationToken).ConfigureAwait(false);
        return Parse(root.Body, root.Attempts, "DescribeDBInstances", doc =>
        {
            var instance = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "DBInstance")
                ?? throw new FormatException("the answer has no DBInstance");
            var endpoint = Child(instance, "Endpoint");
            return new DbInstanceDescription
            {
                DbInstanceIdentifier = Value(instance, "DBInstanceIdentifier") ?? throw new FormatException("DBInstanceIdentifier is missing"),
                DbInstanceArn = Value(instance, "DBInstanceArn"),
                Status = Value(instance, "DBInstanceStatus") ?? throw new FormatException("DBInstanceStatus is missing"),
                Engine = Value(instance, "Engine"),
                EngineVersion = Value(instance, "EngineVersion"),
                StorageEncrypted = Bool(Value(instance, "StorageEncrypted")),
                EndpointAddress = endpoint is null ? null : Value(endpoint, "Address"),
                EndpointPort = endpoint is null ? null : Int(Value(endpoint, "Port")),
                DbName = Value(instance, "DBName"),
                DbClusterIdentifier = Value(instance, "DBClusterIdentifier"),
            };
        });
    }

    public async Task<DbClusterDescription> DescribeDbClusterAsync(string dbClusterIdentifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dbClusterIdentifier);
        var root = await CallAsync("DescribeDBClusters", ("DBClusterIdentifier", dbClusterIdentifier), cancellationToken).ConfigureAwait(false);
        return Parse(root.Body, root.Attempts, "DescribeDBClusters", doc =>
        {
            var cluster = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "DBCluster")
                ?? throw new FormatException("the answer has no DBCluster");
            var members = Child(cluster, "DBClusterMembers")?.Elements()
                .Select(m => Value(m, "DBInstanceIdentifier"))
                .OfType<string>()
                .ToList() ?? [];
            return new DbClusterDescription
            {
                DbClusterIdentifier = Value(cluster, "DBClusterIdentifier") ?? throw new FormatException("DBClusterIdentifier is missing"),
                DbClusterArn = Value(cluster, "DBClusterArn"),
                Status = Value(cluster, "Status") ?? throw new FormatException("Status is missing"),
                Engine = Value(cluster, "Engine"),
                StorageEncrypted = Bool(Value(cluster, "StorageEncrypted")),
                Endpoint = Value(cluster, "Endpoint"),
                Port = Int(Value(cluster, "Port")),
                DatabaseName = Value(cluster, "DatabaseName"),
                MemberInstanceIdentifiers = members,
            };
        });
    }

    private async Task<AwsHttpResponse> CallAsync(string action, (string Name, string Value) parameter, CancellationToken cancellationToken)
    {
        var form = $"Action={action}&Version={ApiVersion}&{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(parameter.Value)}";
        var request = new AwsHttpRequest(action, HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form),
            "application/x-www-form-urlencoded; charset=utf-8", new Dictionary<string, string>());
        return await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static T Parse<T>(string body, int attempts, string operation, Func<XDocument, T> read)
    {
        try
        {
            return read(XDocument.Parse(body));
        }
        catch (Exception e) when (e is XmlException or FormatException)
        {
            throw new AwsClientException(Service, operation, AwsClientException.MalformedResponse,
                $"{e.Message}; body: {AwsErrorParser.Truncate(body)}", attempts, e);
        }
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string? Value(XElement parent, string name) => Child(parent, name)?.Value;

    private static bool Bool(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
