using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Recovery;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Recovery;

/// <summary>
/// The cross-layer check of the recovery report: the newest order (SQL) and the newest cart (DynamoDB) must both lie in
/// [point in time − tier RPO, point in time]. Each side of the window is violated once and the store is then reported
/// FAILED with a message naming the restored resource, the newest record and the bound; the bounds themselves pass.
/// </summary>
[Collection("store-recovery")]
public sealed class RecoveryConsistencyTests
{
    private static readonly DateTimeOffset Point = new(2026, 11, 28, 15, 46, 59, TimeSpan.Zero);
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private readonly Amazon.S3.AmazonS3Client _s3 = MotoS3.Client();

    private string ReportBucket => $"reports-{_id}";

    private RecoverySettings Settings() => RecoverySettings.FromEnvironment(new Dictionary<string, string>
    {
        ["STORE_NAME"] = "acme",
        ["REPORT_BUCKET"] = ReportBucket,
        ["AWS_REGION"] = TestArns.Region,
    });

    private async Task<JsonNode> ReportAsync(DateTimeOffset newestOrder, DateTimeOffset newestCart)
    {
        await MotoS3.CreateBucketAsync(_s3, ReportBucket);
        var handler = new StoreRecoveryHandler(Settings(), new StoreRecoveryDependencies
        {
            RecoveryRds = new RecoveryRdsApiClient(MotoApi.Options()),
            Rds = new RdsApiClient(MotoApi.Options()),
            Secrets = new SecretsManagerApiClient(MotoApi.Options()),
            DynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("ak", "sk"), new AmazonDynamoDBConfig { ServiceURL = TestServices.MotoEndpoint.ToString(), AuthenticationRegion = TestArns.Region }),
            S3 = _s3,
            RecoveryBackup = new RecoveryBackupApiClient(MotoApi.Options()),
            Backup = new BackupApiClient(MotoApi.Options()),
            Output = new StringWriter(),
        });
        static JsonObject Resource(string kind, string source) => new()
        {
            ["kind"] = kind,
            ["sourceArn"] = $"arn:aws:x:::{source}",
            ["sourceName"] = source,
            ["restoredName"] = $"recovery-1234abcd-{source}",
        };
        static JsonObject Result(JsonObject resource, DateTimeOffset newest) => new()
        {
            ["resource"] = resource,
            ["status"] = "PASSED",
            ["newestRecordAt"] = newest.ToString("O"),
            ["validatedAt"] = "2026-11-28T16:05:00Z",
            ["rtoSeconds"] = 300,
        };
        var orders = Resource("rds", "orders");
        var carts = Resource("dynamodb", "carts");
        var answer = await handler.HandleAsync(new JsonObject
        {
            ["action"] = "report",
            ["plan"] = new JsonObject
            {
                ["store"] = "acme",
                ["tier"] = "critical",
                ["mode"] = "drill",
                ["executionName"] = $"consistency-{_id}",
                ["startedAt"] = "2026-11-28T16:00:00Z",
                ["pointInTime"] = Point.ToString("O"),
                ["resources"] = new JsonArray(orders.DeepClone(), carts.DeepClone()),
            },
            ["results"] = new JsonArray(Result(orders, newestOrder), Result(carts, newestCart)),
        }.ToJsonString(), CancellationToken.None);
        var key = answer!["reportKey"]!.GetValue<string>();
        return JsonNode.Parse((await MotoS3.ReadAsync(_s3, ReportBucket, key))!)!;
    }

    private static (string Status, string Message) Check(JsonNode report, string name)
    {
        var check = report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
        return (check["status"]!.GetValue<string>(), check["detail"]!.GetValue<string>());
    }

    private long Rpo => Settings().Drill.Tiers["critical"].RpoSeconds;

    [Fact]
    public async Task Report_NewestOrderAndCartOnTheWindowBounds_Passes()
    {
        var report = await ReportAsync(Point, Point.AddSeconds(-Rpo));

        Check(report, "consistency.orders").Status.Should().Be("PASSED");
        Check(report, "consistency.carts").Status.Should().Be("PASSED");
        report["result"]!.GetValue<string>().Should().Be("SUCCEEDED");
    }

    [Fact]
    public async Task Report_NewestOrderAfterThePointInTime_FailsTheStore()
    {
        var report = await ReportAsync(Point.AddSeconds(1), Point.AddSeconds(-10));

        var (status, message) = Check(report, "consistency.orders");
        status.Should().Be("FAILED");
        message.Should().Contain("newest order in 'recovery-1234abcd-orders' is 2026-11-28T15:47:00Z, after the point in time 2026-11-28T15:46:59Z");
        Check(report, "consistency.carts").Status.Should().Be("PASSED");
        report["result"]!.GetValue<string>().Should().Be("FAILED");
    }

    [Fact]
    public async Task Report_NewestCartOlderThanTheTierRpoBeforeThePoint_FailsTheStore()
    {
        var report = await ReportAsync(Point.AddSeconds(-10), Point.AddSeconds(-Rpo - 1));

        var (status, message) = Check(report, "consistency.carts");
        status.Should().Be("FAILED");
        message.Should().Contain("newest cart/session in 'recovery-1234abcd-carts'").And.Contain($"more than the critical RPO ({Rpo} s) before the point in time 2026-11-28T15:46:59Z");
        Check(report, "consistency.orders").Status.Should().Be("PASSED");
        report["result"]!.GetValue<string>().Should().Be("FAILED");
    }
}
