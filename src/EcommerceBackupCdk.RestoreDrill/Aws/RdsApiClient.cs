using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// RDS over the query protocol (form-encoded POST, XML answer), exactly the operations of <see cref="IRdsApi"/>
/// (RDS API reference, https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/). List parameters use the query
/// protocol's member names, e.g. <c>Tags.Tag.1.Key</c>.
/// </summary>
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
                MasterUsername = Value(instance, "MasterUsername"),
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
                EngineVersion = Value(cluster, "EngineVersion"),
                MasterUsername = Value(cluster, "MasterUsername"),
                StorageEncrypted = Bool(Value(cluster, "StorageEncrypted")),
                Endpoint = Value(cluster, "Endpoint"),
                Port = Int(Value(cluster, "Port")),
                DatabaseName = Value(cluster, "DatabaseName"),
                MemberInstanceIdentifiers = members,
            };
        });
    }

    public async Task<IReadOnlyList<string>> DescribeOrderableInstanceClassesAsync(string engine, string? engineVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(engine);
        var classes = new List<string>();
        string? marker = null;
        do
        {
            var parameters = new List<(string, string)> { ("Engine", engine), ("MaxRecords", "100") };
            if (engineVersion is not null)
            {
                parameters.Add(("EngineVersion", engineVersion));
            }

            if (marker is not null)
            {
                parameters.Add(("Marker", marker));
            }

            var response = await CallAsync("DescribeOrderableDBInstanceOptions", parameters, cancellationToken).ConfigureAwait(false);
            marker = Parse(response.Body, response.Attempts, "DescribeOrderableDBInstanceOptions", doc =>
            {
                classes.AddRange(doc.Descendants().Where(e => e.Name.LocalName == "OrderableDBInstanceOption")
                    .Select(o => Value(o, "DBInstanceClass")).OfType<string>());
                var next = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Marker")?.Value;
                return string.IsNullOrEmpty(next) ? null : next;
            });
        }
        while (marker is not null);
        return classes.Distinct(StringComparer.Ordinal).ToList();
    }

    public async Task CreateClusterInstanceAsync(string dbInstanceIdentifier, string dbClusterIdentifier, string instanceClass, string engine, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var parameters = new List<(string, string)>
        {
            ("DBInstanceIdentifier", dbInstanceIdentifier),
            ("DBClusterIdentifier", dbClusterIdentifier),
            ("DBInstanceClass", instanceClass),
            ("Engine", engine),
            ("PubliclyAccessible", "false"),
        };
        var i = 0;
        foreach (var (key, value) in tags)
        {
            i++;
            parameters.Add(($"Tags.Tag.{i}.Key", key));
            parameters.Add(($"Tags.Tag.{i}.Value", value));
        }

        await CallAsync("CreateDBInstance", parameters, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteDbInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken) =>
        await CallAsync("DeleteDBInstance", [("DBInstanceIdentifier", dbInstanceIdentifier), ("SkipFinalSnapshot", "true"), ("DeleteAutomatedBackups", "true")], cancellationToken).ConfigureAwait(false);

    public async Task SetMasterUserPasswordAsync(bool cluster, string identifier, string password, CancellationToken cancellationToken) =>
        await CallAsync(cluster ? "ModifyDBCluster" : "ModifyDBInstance",
            [(cluster ? "DBClusterIdentifier" : "DBInstanceIdentifier", identifier), ("MasterUserPassword", password), ("ApplyImmediately", "true")],
            cancellationToken).ConfigureAwait(false);

    private Task<AwsHttpResponse> CallAsync(string action, (string Name, string Value) parameter, CancellationToken cancellationToken) =>
        CallAsync(action, [parameter], cancellationToken);

    private async Task<AwsHttpResponse> CallAsync(string action, IReadOnlyList<(string Name, string Value)> parameters, CancellationToken cancellationToken)
    {
        var form = $"Action={action}&Version={ApiVersion}&" + string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
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
