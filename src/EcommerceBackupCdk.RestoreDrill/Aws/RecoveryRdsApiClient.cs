using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// RDS over the query protocol for store recovery. Parameter and member names are the RDS API reference's
/// (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RestoreDBInstanceToPointInTime.html and siblings).
/// </summary>
public sealed class RecoveryRdsApiClient : IRecoveryRdsApi
{
    private const string Service = "RDS";
    private const string ApiVersion = "2014-10-31";
    private readonly AwsRequestSender _sender;

    public RecoveryRdsApiClient(AwsClientOptions options)
    {
        _sender = new AwsRequestSender(Service, "rds", "rds", AwsProtocol.Query, options);
    }

    public async Task<RdsRestoreTarget> DescribeInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken)
    {
        var doc = await CallAsync("DescribeDBInstances", [("DBInstanceIdentifier", dbInstanceIdentifier)], cancellationToken).ConfigureAwait(false);
        return Read(doc, "DescribeDBInstances", d =>
        {
            var i = d.Descendants().FirstOrDefault(e => e.Name.LocalName == "DBInstance") ?? throw new FormatException("the answer has no DBInstance");
            var endpoint = Child(i, "Endpoint");
            return new RdsRestoreTarget
            {
                Identifier = Value(i, "DBInstanceIdentifier") ?? throw new FormatException("DBInstanceIdentifier is missing"),
                Arn = Value(i, "DBInstanceArn"),
                Status = Value(i, "DBInstanceStatus") ?? throw new FormatException("DBInstanceStatus is missing"),
                Engine = Value(i, "Engine"),
                InstanceClass = Value(i, "DBInstanceClass"),
                LatestRestorableTime = Time(Value(i, "LatestRestorableTime")),
                BackupRetentionPeriodDays = Int(Value(i, "BackupRetentionPeriod")),
                CreateTime = Time(Value(i, "InstanceCreateTime")),
                EndpointAddress = endpoint is null ? null : Value(endpoint, "Address"),
                EndpointPort = endpoint is null ? null : Int(Value(endpoint, "Port")),
                ClusterIdentifier = Value(i, "DBClusterIdentifier"),
            };
        });
    }

    public async Task<RdsRestoreTarget> DescribeClusterAsync(string dbClusterIdentifier, CancellationToken cancellationToken)
    {
        var doc = await CallAsync("DescribeDBClusters", [("DBClusterIdentifier", dbClusterIdentifier)], cancellationToken).ConfigureAwait(false);
        return Read(doc, "DescribeDBClusters", d =>
        {
            var c = d.Descendants().FirstOrDefault(e => e.Name.LocalName == "DBCluster") ?? throw new FormatException("the answer has no DBCluster");
            return new RdsRestoreTarget
            {
                Identifier = Value(c, "DBClusterIdentifier") ?? throw new FormatException("DBClusterIdentifier is missing"),
                Arn = Value(c, "DBClusterArn"),
                Status = Value(c, "Status") ?? throw new FormatException("Status is missing"),
                Engine = Value(c, "Engine"),
                InstanceClass = Value(c, "DBClusterInstanceClass"),
                EarliestRestorableTime = Time(Value(c, "EarliestRestorableTime")),
                LatestRestorableTime = Time(Value(c, "LatestRestorableTime")),
                BackupRetentionPeriodDays = Int(Value(c, "BackupRetentionPeriod")),
                CreateTime = Time(Value(c, "ClusterCreateTime")),
                EndpointAddress = Value(c, "Endpoint"),
                EndpointPort = Int(Value(c, "Port")),
                Members = Child(c, "DBClusterMembers")?.Elements().Select(m => Value(m, "DBInstanceIdentifier")).OfType<string>().ToList() ?? [],
            };
        });
    }

    public Task RestoreInstanceToPointInTimeAsync(string sourceIdentifier, string targetIdentifier, DateTimeOffset restoreTime, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        CallAsync("RestoreDBInstanceToPointInTime",
        [
            ("SourceDBInstanceIdentifier", sourceIdentifier),
            ("TargetDBInstanceIdentifier", targetIdentifier),
            ("RestoreTime", Iso(restoreTime)),
            .. Tags(tags),
        ], cancellationToken);

    public Task RestoreClusterToPointInTimeAsync(string sourceIdentifier, string targetIdentifier, DateTimeOffset restoreTime, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        CallAsync("RestoreDBClusterToPointInTime",
        [
            ("SourceDBClusterIdentifier", sourceIdentifier),
            ("DBClusterIdentifier", targetIdentifier),
            ("RestoreToTime", Iso(restoreTime)),
            .. Tags(tags),
        ], cancellationToken);

    public Task CreateClusterInstanceAsync(string clusterIdentifier, string instanceIdentifier, string engine, string instanceClass, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        CallAsync("CreateDBInstance",
        [
            ("DBInstanceIdentifier", instanceIdentifier),
            ("DBClusterIdentifier", clusterIdentifier),
            ("Engine", engine),
            ("DBInstanceClass", instanceClass),
            .. Tags(tags),
        ], cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string arn, CancellationToken cancellationToken)
    {
        var doc = await CallAsync("ListTagsForResource", [("ResourceName", arn)], cancellationToken).ConfigureAwait(false);
        return Read(doc, "ListTagsForResource", d => (IReadOnlyDictionary<string, string>)d.Descendants()
            .Where(e => e.Name.LocalName == "Tag")
            .Select(t => (Key: Value(t, "Key"), Value: Value(t, "Value") ?? string.Empty))
            .Where(t => t.Key is not null)
            .GroupBy(t => t.Key!)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal));
    }

    public Task DeleteInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken) =>
        CallAsync("DeleteDBInstance", [("DBInstanceIdentifier", dbInstanceIdentifier), ("SkipFinalSnapshot", "true"), ("DeleteAutomatedBackups", "true")], cancellationToken);

    public Task DeleteClusterAsync(string dbClusterIdentifier, CancellationToken cancellationToken) =>
        CallAsync("DeleteDBCluster", [("DBClusterIdentifier", dbClusterIdentifier), ("SkipFinalSnapshot", "true")], cancellationToken);

    private static IEnumerable<(string, string)> Tags(IReadOnlyDictionary<string, string> tags) =>
        tags.OrderBy(t => t.Key, StringComparer.Ordinal).SelectMany((t, i) => new[]
        {
            ($"Tags.Tag.{i + 1}.Key", t.Key),
            ($"Tags.Tag.{i + 1}.Value", t.Value),
        });

    private async Task<XDocument> CallAsync(string action, IEnumerable<(string Name, string Value)> parameters, CancellationToken cancellationToken)
    {
        var form = new StringBuilder($"Action={action}&Version={ApiVersion}");
        foreach (var (name, value) in parameters)
        {
            form.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        var request = new AwsHttpRequest(action, HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form.ToString()),
            "application/x-www-form-urlencoded; charset=utf-8", new Dictionary<string, string>());
        var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return XDocument.Parse(response.Body);
        }
        catch (XmlException e)
        {
            throw new AwsClientException(Service, action, AwsClientException.MalformedResponse, $"{e.Message}; body: {AwsErrorParser.Truncate(response.Body)}", response.Attempts, e);
        }
    }

    private static T Read<T>(XDocument doc, string operation, Func<XDocument, T> read)
    {
        try
        {
            return read(doc);
        }
        catch (FormatException e)
        {
            throw new AwsClientException(Service, operation, AwsClientException.MalformedResponse, e.Message, 1, e);
        }
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string? Value(XElement parent, string name) => Child(parent, name)?.Value;

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
}
