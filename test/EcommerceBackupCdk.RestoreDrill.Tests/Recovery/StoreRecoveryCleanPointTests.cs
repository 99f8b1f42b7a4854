using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Recovery;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Recovery;

/// <summary>
/// The recovery report names the last clean recovery point of each restored resource GuardDuty Malware Protection for
/// AWS Backup scans (ListScanJobs ByResourceType "Valid Values: EBS | EC2 | S3",
/// https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ListScanJobs.html; so the S3 buckets). The scans come from
/// <see cref="FakeS3RestoreBackup"/>'s GET /scan/jobs (documented filters, NextToken paging, 400 on a bad value); the
/// report is read back from moto's S3, JSON and Markdown.
/// </summary>
[Collection("store-recovery")]
public sealed class StoreRecoveryCleanPointTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Point = new(2026, 11, 28, 15, 46, 59, TimeSpan.Zero);
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private readonly Amazon.S3.AmazonS3Client _s3 = MotoS3.Client();
    private FakeS3RestoreBackup _backup = null!;
    private LocalAwsServer _server = null!;

    private string MediaArn => $"arn:aws:s3:::media-{_id}";

    private string ReportBucket => $"reports-{_id}";

    private string Rp(string name) => FakeS3RestoreBackup.ContinuousPoint($"media-{_id}-{name}");

    public async Task InitializeAsync()
    {
        _backup = new FakeS3RestoreBackup { CreateBucket = b => MotoS3.CreateBucketAsync(_s3, b) };
        _server = new LocalAwsServer(TestArns.Region, "backup", _backup.Handle);
        await MotoS3.CreateBucketAsync(_s3, ReportBucket);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(JsonNode Json, string Markdown)> ReportAsync()
    {
        var handler = new StoreRecoveryHandler(
            RecoverySettings.FromEnvironment(new Dictionary<string, string> { ["STORE_NAME"] = "acme", ["REPORT_BUCKET"] = ReportBucket, ["AWS_REGION"] = TestArns.Region }),
            new StoreRecoveryDependencies
            {
                RecoveryRds = new RecoveryRdsApiClient(MotoApi.Options()),
                Rds = new RdsApiClient(MotoApi.Options()),
                Secrets = new SecretsManagerApiClient(MotoApi.Options()),
                DynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("ak", "sk"), new AmazonDynamoDBConfig { ServiceURL = TestServices.MotoEndpoint.ToString(), AuthenticationRegion = TestArns.Region }),
                S3 = _s3,
                RecoveryBackup = new RecoveryBackupApiClient(FastRetries.For(_server.Endpoint)),
                Backup = new BackupApiClient(FastRetries.For(_server.Endpoint)),
                Output = new StringWriter(),
            });
        var media = new JsonObject { ["kind"] = "s3", ["sourceArn"] = MediaArn, ["sourceName"] = $"media-{_id}", ["restoredName"] = $"recovery-1234abcd-media-{_id}", ["recoveryPointArn"] = Rp("c") };
        var carts = new JsonObject { ["kind"] = "dynamodb", ["sourceArn"] = $"arn:aws:dynamodb:{TestArns.Region}:{TestArns.Account}:table/carts", ["sourceName"] = "carts", ["restoredName"] = "recovery-1234abcd-carts" };
        var answer = await handler.HandleAsync(new JsonObject
        {
            ["action"] = "report",
            ["plan"] = new JsonObject
            {
                ["store"] = "acme",
                ["tier"] = "critical",
                ["mode"] = "incident",
                ["executionName"] = $"clean-{_id}",
                ["startedAt"] = "2026-11-28T16:00:00Z",
                ["pointInTime"] = Point.ToString("O"),
                ["resources"] = new JsonArray(media.DeepClone(), carts.DeepClone()),
            },
            ["results"] = new JsonArray(
                new JsonObject { ["resource"] = media, ["status"] = "PASSED", ["validatedAt"] = "2026-11-28T16:05:00Z" },
                new JsonObject { ["resource"] = carts, ["status"] = "PASSED", ["validatedAt"] = "2026-11-28T16:05:00Z" }),
        }.ToJsonString(), CancellationToken.None);
        var json = JsonNode.Parse((await MotoS3.ReadAsync(_s3, ReportBucket, answer!["reportKey"]!.GetValue<string>()))!)!;
        var md = (await MotoS3.ReadAsync(_s3, ReportBucket, answer["markdownKey"]!.GetValue<string>()))!;
        return (json, md);
    }

    private static JsonNode OnlyCleanPoint(JsonNode report) => report["cleanPoints"]!.AsArray().Should().ContainSingle("only S3 is a malware-scanned type among the restored ones").Subject!;

    [Fact]
    public async Task Report_NewestNoThreatsScan_NamesItAsTheLastCleanRecoveryPoint()
    {
        _backup.AddScanJob(MediaArn, Rp("old"), Point.AddDays(-3), "NO_THREATS_FOUND");
        _backup.AddScanJob(MediaArn, Rp("new"), Point.AddDays(-1), "NO_THREATS_FOUND");
        _backup.AddScanJob(MediaArn, Rp("running"), Point.AddHours(-1), "THREATS_FOUND", state: "RUNNING");
        _backup.AddScanJob("arn:aws:s3:::someone-else", Rp("other"), Point.AddHours(-2), "NO_THREATS_FOUND");

        var (json, md) = await ReportAsync();

        var clean = OnlyCleanPoint(json);
        clean["sourceArn"]!.GetValue<string>().Should().Be(MediaArn);
        clean["status"]!.GetValue<string>().Should().Be(CleanRecoveryPoint.Clean, clean.ToJsonString());
        clean["recoveryPointArn"]!.GetValue<string>().Should().Be(Rp("new"), "the newest completed NO_THREATS_FOUND scan wins; a running scan and another resource's scan do not count");
        clean["scannedAt"]!.GetValue<DateTimeOffset>().Should().Be(Point.AddDays(-1));
        md.Should().Contain("## Last clean recovery point").And.Contain($"last clean recovery point {Rp("new")}");
        _backup.ScanQueries.Should().ContainSingle().Which.Should().Contain("ByState=COMPLETED").And.Contain("ByResourceArn=" + Uri.EscapeDataString(MediaArn));
    }

    [Fact]
    public async Task Report_ThreatsFoundAfterTheCleanPointAndPointInTimeAfterIt_IsFlagged()
    {
        _backup.AddScanJob(MediaArn, Rp("clean"), Point.AddDays(-2), "NO_THREATS_FOUND");
        _backup.AddScanJob(MediaArn, Rp("infected"), Point.AddDays(-1), "THREATS_FOUND");

        var (json, md) = await ReportAsync();

        var clean = OnlyCleanPoint(json);
        clean["status"]!.GetValue<string>().Should().Be(CleanRecoveryPoint.ThreatsAfterClean);
        clean["recoveryPointArn"]!.GetValue<string>().Should().Be(Rp("clean"));
        clean["threatsRecoveryPointArn"]!.GetValue<string>().Should().Be(Rp("infected"));
        clean["detail"]!.GetValue<string>().Should()
            .Contain($"is after the last clean recovery point {RecoverySettings.Iso(Point.AddDays(-2))}")
            .And.Contain($"a scan found threats in {Rp("infected")}");
        md.Should().Contain("**FLAGGED**");
    }

    [Fact]
    public async Task Report_ThreatsOnlyBeforeTheCleanPoint_IsNotFlagged()
    {
        _backup.AddScanJob(MediaArn, Rp("infected"), Point.AddDays(-3), "THREATS_FOUND");
        _backup.AddScanJob(MediaArn, Rp("clean"), Point.AddDays(-2), "NO_THREATS_FOUND");

        var (json, _) = await ReportAsync();

        OnlyCleanPoint(json)["status"]!.GetValue<string>().Should().Be(CleanRecoveryPoint.Clean, "the threats were found before the newer clean scan");
    }

    [Fact]
    public async Task Report_NoScan_SaysNotScannedWithoutFailingTheReport()
    {
        var (json, md) = await ReportAsync();

        var clean = OnlyCleanPoint(json);
        clean["status"]!.GetValue<string>().Should().Be(CleanRecoveryPoint.NotScanned);
        clean["detail"]!.GetValue<string>().Should().StartWith("not scanned");
        json["result"]!.GetValue<string>().Should().Be("SUCCEEDED", "scanning is optional");
        md.Should().Contain($"{MediaArn}: not scanned");
    }

    [Fact]
    public async Task Report_ScansOnTwoPages_FollowsNextTokenToTheCleanPointOnPageTwo()
    {
        _backup.ScanPageSize = 2;
        _backup.AddScanJob(MediaArn, Rp("a"), Point.AddDays(-5), "THREATS_FOUND");
        _backup.AddScanJob(MediaArn, Rp("b"), Point.AddDays(-4), "THREATS_FOUND");
        _backup.AddScanJob(MediaArn, Rp("c"), Point.AddDays(-1), "NO_THREATS_FOUND");

        var (json, _) = await ReportAsync();

        OnlyCleanPoint(json)["recoveryPointArn"]!.GetValue<string>().Should().Be(Rp("c"));
        _backup.ScanQueries.Should().HaveCount(2);
        _backup.ScanQueries.Last().Should().Contain("NextToken=");
    }

    [Fact]
    public async Task Report_ListScanJobsRefused_RecordsTheLookupFailureInTheReport()
    {
        _server.Faults.Enqueue(new Fault(403, """{"__type":"AccessDeniedException","message":"User is not authorized to perform: backup:ListScanJobs"}""", "application/json", TimeSpan.Zero, false));

        var (json, _) = await ReportAsync();

        var clean = OnlyCleanPoint(json);
        clean["status"]!.GetValue<string>().Should().Be(CleanRecoveryPoint.LookupFailed);
        clean["detail"]!.GetValue<string>().Should().Contain("backup:ListScanJobs");
    }

    [Theory]
    [InlineData("ByState=DONE", "ByState DONE")]
    [InlineData("ByResourceType=DynamoDB", "ByResourceType DynamoDB")]
    [InlineData("NextToken=forged", "NextToken forged")]
    public async Task Fake_ListScanJobsBadParameter_IsRefusedAsAwsDocumentsIt(string query, string message)
    {
        var reply = await _backup.Handle(new RecordedRequest("GET", "/scan/jobs", query, new Dictionary<string, string>(), [], null));

        reply.Status.Should().Be(400);
        reply.Body.Should().Contain("InvalidParameterValueException").And.Contain(message);
    }

    [Fact]
    public void Judge_OnlyThreatScans_SaysNoCleanPointNamingTheNewestInfectedOne()
    {
        var judged = RecoveryReporter.JudgeCleanPoint(MediaArn,
        [
            new ScanJobSummary { RecoveryPointArn = Rp("a"), State = "COMPLETED", CompletionDate = Point.AddDays(-2), ScanResultStatus = "THREATS_FOUND" },
            new ScanJobSummary { RecoveryPointArn = Rp("b"), State = "COMPLETED", CompletionDate = Point.AddDays(-1), ScanResultStatus = "THREATS_FOUND" },
        ], Point);

        judged.Status.Should().Be(CleanRecoveryPoint.NoCleanPoint);
        judged.RecoveryPointArn.Should().BeNull();
        judged.ThreatsRecoveryPointArn.Should().Be(Rp("b"));
    }

    [Fact]
    public void Judge_PointInTimeBeforeTheCleanScan_IsNotFlaggedEvenWithLaterThreats()
    {
        var judged = RecoveryReporter.JudgeCleanPoint(MediaArn,
        [
            new ScanJobSummary { RecoveryPointArn = Rp("clean"), State = "COMPLETED", CompletionDate = Point.AddHours(1), ScanResultStatus = "NO_THREATS_FOUND" },
            new ScanJobSummary { RecoveryPointArn = Rp("bad"), State = "COMPLETED", CompletionDate = Point.AddHours(2), ScanResultStatus = "THREATS_FOUND" },
        ], Point);

        judged.Status.Should().Be(CleanRecoveryPoint.Clean);
        judged.RecoveryPointArn.Should().Be(Rp("clean"));
    }
}
