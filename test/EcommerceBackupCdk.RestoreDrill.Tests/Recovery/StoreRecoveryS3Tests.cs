using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Recovery;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Recovery;

/// <summary>
/// The S3 branch of store recovery. S3 restores through AWS Backup are not in moto, so the recovery steps run against
/// <see cref="FakeS3RestoreBackup"/> (the documented StartRestoreJob request shape and job outcomes, see its remarks)
/// and moto's S3 (the restored bucket, its validation and deletion). What is asserted: the request AWS Backup gets
/// (continuous recovery point, recovery-prefixed new bucket, RestoreTime = the common point), that a failed or
/// partly failed job fails the branch, and that cleanup deletes only the bucket the job created.
/// </summary>
[Collection("store-recovery")]
public sealed class StoreRecoveryS3Tests : IAsyncLifetime
{
    private const string Role = "arn:aws:iam::123456789012:role/acme-s3-restore";
    private static readonly DateTimeOffset Point = new(2026, 11, 28, 15, 46, 59, TimeSpan.Zero);
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private readonly Amazon.S3.AmazonS3Client _s3 = MotoS3.Client();
    private FakeS3RestoreBackup _backup = null!;
    private LocalAwsServer _server = null!;

    private string Media => $"media-{_id}";

    private string MediaArn => $"arn:aws:s3:::{Media}";

    private string ReportBucket => $"reports-{_id}";

    public async Task InitializeAsync()
    {
        _backup = new FakeS3RestoreBackup { CreateBucket = b => MotoS3.CreateBucketAsync(_s3, b, ("images/logo.png", "restored-bytes")) };
        _server = new LocalAwsServer(TestArns.Region, "backup", _backup.Handle);
        await MotoS3.CreateBucketAsync(_s3, ReportBucket);
        await MotoS3.CreateBucketAsync(_s3, Media, ("images/logo.png", "source-bytes"));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private StoreRecoveryHandler Handler(bool withRole = true)
    {
        var env = new Dictionary<string, string>
        {
            ["STORE_NAME"] = "acme",
            ["REPORT_BUCKET"] = ReportBucket,
            ["AWS_REGION"] = TestArns.Region,
        };
        if (withRole)
        {
            env[RecoveryVariables.BackupRestoreRoleArn] = Role;
        }

        var credentials = new BasicAWSCredentials("ak", "sk");
        return new StoreRecoveryHandler(RecoverySettings.FromEnvironment(env), new StoreRecoveryDependencies
        {
            RecoveryRds = new RecoveryRdsApiClient(MotoApi.Options()),
            Rds = new RdsApiClient(MotoApi.Options()),
            Secrets = new SecretsManagerApiClient(MotoApi.Options()),
            DynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = TestServices.MotoEndpoint.ToString(), AuthenticationRegion = TestArns.Region }),
            S3 = _s3,
            RecoveryBackup = new RecoveryBackupApiClient(FastRetries.For(_server.Endpoint)),
            Backup = new BackupApiClient(FastRetries.For(_server.Endpoint)),
            Output = new StringWriter(),
        });
    }

    private static async Task<JsonNode> Step(StoreRecoveryHandler handler, JsonObject body) => (await handler.HandleAsync(body.ToJsonString(), CancellationToken.None))!;

    private async Task<JsonNode> PlanAsync(StoreRecoveryHandler handler, string execution) => await Step(handler, new JsonObject
    {
        ["action"] = "plan",
        ["execution"] = new JsonObject { ["name"] = execution, ["startTime"] = "2026-11-28T16:00:00Z" },
        ["input"] = new JsonObject { ["pointInTime"] = "2026-11-28T15:46:59Z", ["mode"] = "drill" },
        ["arns"] = new JsonArray(MediaArn),
    });

    private static async Task<JsonNode> RunUntilEndAsync(StoreRecoveryHandler handler, JsonNode resource, string execution)
    {
        var started = await Step(handler, new JsonObject { ["action"] = "start", ["resource"] = resource.DeepClone(), ["pointInTime"] = "2026-11-28T15:46:59Z", ["executionName"] = execution });
        JsonNode poll;
        var attempt = 0;
        do
        {
            poll = await Step(handler, new JsonObject { ["action"] = "poll", ["resource"] = started.DeepClone(), ["attempt"] = attempt, ["executionName"] = execution });
            attempt++;
        }
        while (poll["state"]!.GetValue<string>() == PollResult.Waiting && attempt < 5);

        return poll;
    }

    [Fact]
    public async Task Plan_ContinuousAndNewerSnapshotPoints_RestoresFromTheContinuousOneIntoARecoveryPrefixedBucket()
    {
        var continuous = FakeS3RestoreBackup.ContinuousPoint($"media-{_id}-0f51c39b");
        _backup.AddRecoveryPoint(MediaArn, continuous, Point.AddDays(-20));
        _backup.AddRecoveryPoint(MediaArn, FakeS3RestoreBackup.SnapshotPoint(), Point.AddHours(-1));
        var execution = $"s3-{_id}";

        var plan = await PlanAsync(Handler(), execution);

        plan["refused"]!.GetValue<bool>().Should().BeFalse(plan.ToJsonString());
        var resource = plan["resources"]!.AsArray().Should().ContainSingle().Subject!;
        resource["kind"]!.GetValue<string>().Should().Be("s3");
        resource["recoveryPointArn"]!.GetValue<string>().Should().Be(continuous, "only a continuous point restores to a chosen second; the newer snapshot would restore its own time");
        resource["restoredName"]!.GetValue<string>().Should().Be(RecoveryNames.S3(execution, Media)).And.StartWith("recovery-");
    }

    [Fact]
    public async Task Plan_OnlySnapshotPoints_RefusesNamingTheBucket()
    {
        _backup.AddRecoveryPoint(MediaArn, FakeS3RestoreBackup.SnapshotPoint(), Point.AddHours(-1));

        var plan = await PlanAsync(Handler(), $"snap-{_id}");

        plan["refused"]!.GetValue<bool>().Should().BeTrue();
        plan["reason"]!.GetValue<string>().Should().Contain(MediaArn).And.Contain("no continuous AWS Backup recovery point");
    }

    [Fact]
    public async Task Plan_NoRestoreRole_RefusesNamingTheBucketAndTheSetting()
    {
        _backup.AddRecoveryPoint(MediaArn, FakeS3RestoreBackup.ContinuousPoint($"media-{_id}"), Point.AddDays(-2));

        var plan = await PlanAsync(Handler(withRole: false), $"norole-{_id}");

        plan["refused"]!.GetValue<bool>().Should().BeTrue();
        plan["reason"]!.GetValue<string>().Should().Contain(MediaArn).And.Contain(RecoveryVariables.BackupRestoreRoleArn);
    }

    [Fact]
    public async Task Start_SendsTheDocumentedS3RestoreRequest_WithRestoreTimeAtTheCommonPoint_ThenValidatesAndDeletesTheBucket()
    {
        var continuous = FakeS3RestoreBackup.ContinuousPoint($"media-{_id}");
        _backup.AddRecoveryPoint(MediaArn, continuous, Point.AddDays(-2));
        var execution = $"ok-{_id}";
        var handler = Handler();
        var resource = (await PlanAsync(handler, execution))["resources"]![0]!;

        var poll = await RunUntilEndAsync(handler, resource, execution);

        var body = _backup.Started.Should().ContainSingle().Subject;
        body["RecoveryPointArn"]!.GetValue<string>().Should().Be(continuous);
        body["IamRoleArn"]!.GetValue<string>().Should().Be(Role);
        body["ResourceType"]!.GetValue<string>().Should().Be("S3");
        body["IdempotencyToken"]!.GetValue<string>().Should().StartWith(RecoveryNames.Token(execution));
        var metadata = body["Metadata"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        metadata.Should().Equal(new Dictionary<string, string>
        {
            ["DestinationBucketName"] = RecoveryNames.S3(execution, Media),
            ["NewBucket"] = "true",
            ["EncryptionType"] = "original",
            ["RestoreTime"] = "2026-11-28T15:46:59Z",
        });
        poll["state"]!.GetValue<string>().Should().Be(PollResult.Ready, poll.ToJsonString());
        poll["attempt"]!.GetValue<int>().Should().BeGreaterThan(1, "the job runs before it completes");
        poll["resource"]!["restoredArn"]!.GetValue<string>().Should().Be($"arn:aws:s3:::{RecoveryNames.S3(execution, Media)}");

        var validated = await Step(handler, new JsonObject { ["action"] = "validate", ["resource"] = poll["resource"]!.DeepClone(), ["tier"] = "critical", ["startedAt"] = "2026-11-28T16:00:00Z", ["mode"] = "drill" });
        validated["status"]!.GetValue<string>().Should().Be(ResourceResult.Passed, validated.ToJsonString());
        validated["endpoint"]!.GetValue<string>().Should().Be($"s3://{RecoveryNames.S3(execution, Media)}");

        var cleanup = await Step(handler, new JsonObject { ["action"] = "cleanup", ["resource"] = poll["resource"]!.DeepClone(), ["executionName"] = execution, ["attempt"] = 0 });
        cleanup["state"]!.GetValue<string>().Should().Be(CleanupResult.Gone);
        (await _s3.ListBucketsAsync()).Buckets.Select(b => b.BucketName).Should().NotContain(RecoveryNames.S3(execution, Media)).And.Contain(Media, "the source bucket is never touched");
    }

    [Theory]
    [InlineData("FAILED", "No objects were restored")]
    [InlineData("PARTIAL", "One or more objects failed to be restored")]
    public async Task Poll_JobFailedOrCompletedWithLostObjects_FailsTheBranchWithAwsMessage(string outcome, string message)
    {
        _backup.AddRecoveryPoint(MediaArn, FakeS3RestoreBackup.ContinuousPoint($"media-{_id}"), Point.AddDays(-2));
        _backup.Outcome = outcome;
        var execution = $"{outcome.ToLowerInvariant()}-{_id}";
        var handler = Handler();
        var resource = (await PlanAsync(handler, execution))["resources"]![0]!;

        var poll = await RunUntilEndAsync(handler, resource, execution);

        poll["state"]!.GetValue<string>().Should().Be(PollResult.Failed);
        poll["message"]!.GetValue<string>().Should().Contain(message);
    }

    [Fact]
    public async Task Cleanup_BucketOfTheRestoredNameNotCreatedByTheJob_IsLeftAlone()
    {
        _backup.AddRecoveryPoint(MediaArn, FakeS3RestoreBackup.ContinuousPoint($"media-{_id}"), Point.AddDays(-2));
        _backup.Outcome = "FAILED";
        var execution = $"foreign-{_id}";
        var handler = Handler();
        var resource = (await PlanAsync(handler, execution))["resources"]![0]!;
        var poll = await RunUntilEndAsync(handler, resource, execution);
        var foreign = await MotoS3.CreateBucketAsync(_s3, RecoveryNames.S3(execution, Media), ("keep.txt", "not ours"));

        var cleanup = await Step(handler, new JsonObject { ["action"] = "cleanup", ["resource"] = poll["resource"]!.DeepClone(), ["executionName"] = execution, ["attempt"] = 0 });

        cleanup["state"]!.GetValue<string>().Should().Be(CleanupResult.Gone);
        (await MotoS3.ReadAsync(_s3, foreign, "keep.txt")).Should().Be("not ours", "the failed job created nothing, so the bucket of that name is someone else's");
    }

    [Fact]
    public async Task Fake_ContinuousPointWithoutRestoreTime_IsRefusedAsAwsDocumentsIt()
    {
        var continuous = FakeS3RestoreBackup.ContinuousPoint($"media-{_id}");
        _backup.AddRecoveryPoint(MediaArn, continuous, Point.AddDays(-2));
        var client = new RecoveryBackupApiClient(FastRetries.For(_server.Endpoint, maxAttempts: 1));

        var act = () => client.StartRestoreJobAsync(continuous, Role, "S3",
            new Dictionary<string, string> { ["DestinationBucketName"] = $"recovery-{_id}", ["NewBucket"] = "true" }, $"t-{_id}", CancellationToken.None);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.ErrorCode.Should().Be("InvalidParameterValueException");
        _backup.Started.Should().BeEmpty();
    }

    [Theory]
    [InlineData("media..eu", "media.eu")]
    [InlineData("shop-media-s3alias", "shop-media")]
    [InlineData("Shop_Media.mrap", "shop-media")]
    public void S3Name_SourceThatWouldBreakBucketNamingRules_GivesAValidRecoveryName(string source, string tail)
    {
        var name = RecoveryNames.S3("exec-1", source);

        name.Should().Be($"recovery-{RecoveryNames.Token("exec-1")}-{tail}");
        name.Should().MatchRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$").And.NotContain("..");
    }

    [Fact]
    public void S3RestoreMetadata_PointWithFractionalSeconds_UsesTheDocumentedFormat()
    {
        var metadata = StoreRecoveryHandler.S3RestoreMetadata("recovery-1234abcd-media", new DateTimeOffset(2026, 11, 28, 16, 46, 59, 900, TimeSpan.FromHours(1)));

        metadata["RestoreTime"].Should().Be("2026-11-28T15:46:59Z");
        metadata["DestinationBucketName"].Should().Be("recovery-1234abcd-media");
    }
}
