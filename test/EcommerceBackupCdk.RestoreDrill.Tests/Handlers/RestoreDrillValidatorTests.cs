using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Handlers;
using EcommerceBackupCdk.RestoreDrill.Metrics;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Handlers;

/// <summary>The validator end to end on AWS sample events, against the local services (see <see cref="DrillHarness"/>).</summary>
public sealed class RestoreDrillValidatorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset NewestOrder = new(SqlServers.NewestOrderUtc);
    private static readonly DateTimeOffset RecoveryPoint = NewestOrder.AddMinutes(2);
    private static readonly DateTimeOffset JobCreated = RecoveryPoint.AddMinutes(10);
    private static readonly DateTimeOffset JobCompleted = JobCreated.AddMinutes(15);

    private DrillHarness _h = null!;

    public async Task InitializeAsync() => _h = await DrillHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static string JobId() => Guid.NewGuid().ToString().ToUpperInvariant();

    private void AddJob(string jobId, string type, string createdArn, DateTimeOffset? completed = null, string? planArn = TestArns.PlanArn, string status = "COMPLETED") =>
        _h.Backup.AddJob(FakeBackupService.CompletedJob(jobId, type, createdArn, RecoveryPoint, JobCreated, completed ?? JobCompleted, planArn, status));

    private async Task<string> RestoredOrdersTableAsync(DateTimeOffset newest, int items = 50)
    {
        return await Dynalite.CreateOrdersTableAsync(_h.DynamoDb, TestArns.Unique("orders-restored"), Enumerable.Range(0, items).Select(i =>
            Dynalite.Order(i, "createdAt", new AttributeValue { S = newest.AddMinutes(-i).ToString("O") })));
    }

    [Fact]
    public async Task Handle_AwsSampleCompletedRdsEvent_ProbesTheRestoredDatabaseAndRecordsSuccessfulOnce()
    {
        var database = await SqlServers.CreateMariaDbAsync(SqlServers.WooCommerceHpos());
        var instanceId = TestArns.Unique("testinginstance");
        var instanceArn = await MotoApi.CreateDbInstanceAsync(instanceId, "mysql", encrypted: true, dbName: database);
        var secretArn = await MotoApi.CreateSecretAsync(TestArns.Unique("shop/db"),
            $$"""{"username":"{{TestServices.MariaDbUser}}","password":"{{TestServices.MariaDbPassword}}","host":"prod-db.example.internal","port":3306}""");
        var jobId = JobId();
        AddJob(jobId, "RDS", instanceArn);
        var validator = _h.Validator((DrillVariables.DbSecretArn, secretArn), (DrillVariables.SqlPreset, SqlPresets.WooCommerce));

        var outcome = await validator.HandleAsync(DrillHarness.CompletedEvent(jobId, "RDS", instanceArn), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Succeeded, outcome.Message);
        outcome.ValidationStatus.Should().Be(RestoreValidationStatus.Successful);
        _h.Backup.Validations.Should().ContainSingle().Which.Should().Be((jobId, "SUCCESSFUL", outcome.Message));
        outcome.Message.Should().StartWith("OK:").And.Contain("3 records");

        var report = await _h.ReportAsync(jobId, JobCreated);
        report.Should().NotBeNull();
        report!.Result.Should().Be(DrillResult.Succeeded);
        report.Store.Should().Be("acme");
        report.Tier.Should().Be(ContractTiers.Critical);
        report.CreatedResourceArn.Should().Be(instanceArn);
        report.RecordCount.Should().Be(3);
        report.NewestRecordAt.Should().Be(NewestOrder);
        report.RestoreDurationSeconds.Should().Be(900);
        report.RecoveryPointAgeSeconds.Should().Be(600);
        report.DataFreshnessSeconds.Should().Be(120);
        report.ValidationStatusSent.Should().Be("SUCCESSFUL");
        report.Checks.Select(c => c.Name).Should().Contain(["restore.completed", "rds.available", "rds.encrypted", "sql.orderCount", "sql.newestOrder", "target.rto", "target.rpo"]);
        outcome.ReportKey.Should().Be(DrillReportKey.For(jobId, JobCreated));

        var emf = _h.EmfLines().Should().ContainSingle().Subject;
        emf.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString().Should().Be(DrillMetricNames.Namespace);
        emf.GetProperty(DrillMetricNames.StoreDimension).GetString().Should().Be("acme");
        emf.GetProperty(DrillMetricNames.ResourceTypeDimension).GetString().Should().Be("RDS");
        emf.GetProperty(DrillMetricNames.RestoreDurationSeconds).GetDouble().Should().Be(900);
        emf.GetProperty(DrillMetricNames.RecoveryPointAgeSeconds).GetDouble().Should().Be(600);
        emf.GetProperty(DrillMetricNames.DataFreshnessSeconds).GetDouble().Should().Be(120);
        emf.GetProperty(DrillMetricNames.Success).GetDouble().Should().Be(1);
        emf.GetProperty(DrillMetricNames.DataValidated).GetDouble().Should().Be(1);
    }

    [Fact]
    public async Task Handle_AuroraPostgresClusterWithMagentoPreset_ProbesThroughTheClusterEndpoint()
    {
        var database = await SqlServers.CreatePostgresAsync(SqlServers.Magento(postgres: true));
        var clusterId = TestArns.Unique("aurora-restored");
        var clusterArn = await MotoApi.CreateDbClusterAsync(clusterId, "aurora-postgresql", encrypted: true, databaseName: database);
        await MotoApi.CreateDbInstanceAsync(clusterId + "-1", "aurora-postgresql", encrypted: true, clusterId: clusterId);
        var secretArn = await MotoApi.CreateSecretAsync(TestArns.Unique("magento"),
            $$"""{"username":"{{TestServices.PostgresUser}}","password":"{{TestServices.PostgresPassword}}"}""");
        var jobId = JobId();
        AddJob(jobId, "Aurora", clusterArn);
        var resources = $$"""[{"sourceArn":"arn:aws:rds:{{TestArns.Region}}:{{TestArns.Account}}:cluster:magento*","tier":"standard","sqlPreset":"magento","secretArn":"{{secretArn}}"}]""";
        var validator = _h.Validator((DrillVariables.ResourceSettings, resources));

        var outcome = await validator.HandleAsync(
            DrillHarness.CompletedEvent(jobId, "Aurora", clusterArn, sourceArn: $"arn:aws:rds:{TestArns.Region}:{TestArns.Account}:cluster:magento-prod"),
            CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Succeeded, outcome.Message);
        var report = await _h.ReportAsync(jobId, JobCreated);
        report!.Tier.Should().Be(ContractTiers.Standard);
        report.RecordCount.Should().Be(2);
        report.RtoTargetSeconds.Should().Be(14_400);
    }

    [Fact]
    public async Task Handle_SameEventTwice_PutsTheValidationResultOnlyOnce()
    {
        var arn = await RestoredOrdersTableAsync(RecoveryPoint.AddSeconds(-30));
        var jobId = JobId();
        AddJob(jobId, "DynamoDB", arn);
        var validator = _h.Validator();
        var evt = DrillHarness.CompletedEvent(jobId, "DynamoDB", arn);

        var first = await validator.HandleAsync(evt, CancellationToken.None);
        var second = await validator.HandleAsync(evt, CancellationToken.None);

        first.Outcome.Should().Be(DrillOutcome.Succeeded, first.Message);
        second.Outcome.Should().Be(DrillOutcome.AlreadyValidated);
        _h.Backup.Validations.Should().ContainSingle();
        _h.EmfLines().Should().ContainSingle();
    }

    [Fact]
    public async Task Handle_DynamoDbNewestOrderOlderThanRpo_FailsWithAnActionableMessage()
    {
        var arn = await RestoredOrdersTableAsync(RecoveryPoint.AddHours(-2));
        var jobId = JobId();
        AddJob(jobId, "DynamoDB", arn);

        var outcome = await _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "DynamoDB", arn), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Failed);
        var put = _h.Backup.Validations.Should().ContainSingle().Subject;
        put.Status.Should().Be("FAILED");
        put.Message.Should().Contain("target.rpo").And.Contain("7200 s older than the recovery point, over the limit of 300 s");
        _h.EmfLines().Single().GetProperty(DrillMetricNames.Success).GetDouble().Should().Be(0);
        _h.EmfLines().Single().GetProperty(DrillMetricNames.DataFreshnessSeconds).GetDouble().Should().Be(7200);
    }

    [Fact]
    public async Task Handle_ContinuousRecoveryPointCreatedWeeksAgo_MeasuresAgeFromTheRestoredPointInTime()
    {
        // A continuous recovery point is created once and kept current: its creation date is the start of the chain
        // (here 20 days before the restore job), while the restored data reaches up to 3 minutes before the job.
        var newest = JobCreated.AddMinutes(-3);
        var arn = await RestoredOrdersTableAsync(newest);
        var jobId = JobId();
        _h.Backup.AddJob(FakeBackupService.CompletedJob(jobId, "DynamoDB", arn, JobCreated.AddDays(-20), JobCreated, JobCompleted));

        var outcome = await _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "DynamoDB", arn), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Succeeded, outcome.Message);
        var report = await _h.ReportAsync(jobId, JobCreated);
        report!.RecoveryPointAgeSeconds.Should().Be(180, "the restored point in time is at least the newest restored record, not the chain's start 20 days ago");
        report.DataFreshnessSeconds.Should().Be(180);
        report.Checks.Should().Contain(c => c.Name == "restore.pointInTime" && c.Detail.Contains("continuous", StringComparison.Ordinal));
        _h.EmfLines().Single().GetProperty(DrillMetricNames.RecoveryPointAgeSeconds).GetDouble().Should().Be(180);
    }

    [Fact]
    public async Task Handle_QuietStoreWithFreshnessOverride_Succeeds()
    {
        var arn = await RestoredOrdersTableAsync(RecoveryPoint.AddHours(-2));
        var jobId = JobId();
        AddJob(jobId, "DynamoDB", arn);
        var validator = _h.Validator((DrillVariables.TierTargets, """{"critical":{"maxDataFreshnessSeconds":86400}}"""));

        var outcome = await validator.HandleAsync(DrillHarness.CompletedEvent(jobId, "DynamoDB", arn), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Succeeded, outcome.Message);
    }

    [Fact]
    public async Task Handle_RestoreSlowerThanRto_FailsNamingTheTarget()
    {
        var arn = await RestoredOrdersTableAsync(RecoveryPoint);
        var jobId = JobId();
        AddJob(jobId, "DynamoDB", arn, completed: JobCreated.AddMinutes(45));

        var outcome = await _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "DynamoDB", arn), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Failed);
        outcome.Message.Should().Contain("restore took 2700 s, over the critical RTO target of 1800 s");
    }

    [Fact]
    public async Task Handle_AwsSampleFailedEvent_WritesAFailedReportAndMetricWithoutPut()
    {
        var evt = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "aws-sample-restore-job-failed.json"));
        var jobId = "1B234A56-789B-01CD-2A34-4567A08901FD";
        var job = FakeBackupService.CompletedJob(jobId, "EC2", "unused", RecoveryPoint, JobCreated, JobCompleted, status: "FAILED");
        job.Remove("CreatedResourceArn");
        job.Remove("CompletionDate");
        job["StatusMessage"] = "AWS Backup does not permit attaching a new instance profile to an EC2 instance. Please restore using the backed up instance profile.";
        _h.Backup.AddJob(job);

        var outcome = await _h.Validator().HandleAsync(evt, CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Failed);
        outcome.ValidationStatus.Should().BeNull();
        outcome.Message.Should().Contain("restore job FAILED: AWS Backup does not permit attaching a new instance profile");
        _h.Backup.Validations.Should().BeEmpty();
        var report = await _h.ReportAsync(jobId, JobCreated);
        report!.Result.Should().Be(DrillResult.Failed);
        report.ValidationStatusSent.Should().BeNull();
        var emf = _h.EmfLines().Single();
        emf.GetProperty(DrillMetricNames.Success).GetDouble().Should().Be(0);
        emf.TryGetProperty(DrillMetricNames.RestoreDurationSeconds, out _).Should().BeFalse();
    }

    [Fact]
    public async Task Handle_EbsRestoreCompleted_RecordsNotValidatedAsSuccessfulWithTheReason()
    {
        var jobId = JobId();
        var volumeArn = $"arn:aws:ec2:{TestArns.Region}:{TestArns.Account}:volume/vol-0123456789abcdef0";
        AddJob(jobId, "EBS", volumeArn);

        var outcome = await _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "EBS", volumeArn), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.NotValidated);
        var put = _h.Backup.Validations.Single();
        put.Status.Should().Be("SUCCESSFUL");
        put.Message.Should().StartWith("NOT VALIDATED AT DATA LEVEL").And.Contain("EBS restores are not validated at the data level");
        _h.EmfLines().Single().GetProperty(DrillMetricNames.DataValidated).GetDouble().Should().Be(0);
    }

    [Fact]
    public async Task Handle_S3Restore_ChecksObjectsAndReadsASample()
    {
        var bucket = await MotoS3.CreateBucketAsync(_h.S3, null, ("invoices/2026/11/INV-1.pdf", "%PDF-1.7 invoice"), ("theme/style.css", "body{}"));
        var jobId = JobId();
        AddJob(jobId, "S3", $"arn:aws:s3:::{bucket}");

        var outcome = await _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "S3", $"arn:aws:s3:::{bucket}"), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Succeeded, outcome.Message);
        var report = await _h.ReportAsync(jobId, JobCreated);
        report!.Checks.Should().Contain(c => c.Name == "s3.sampleReadable" && c.Status == DrillCheck.Passed);
        report.RecordCount.Should().Be(2);
    }

    [Fact]
    public async Task Handle_EmptyRestoredBucket_Fails()
    {
        var bucket = await MotoS3.CreateBucketAsync(_h.S3);
        var jobId = JobId();
        AddJob(jobId, "S3", $"arn:aws:s3:::{bucket}");

        var outcome = await _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "S3", $"arn:aws:s3:::{bucket}"), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Failed);
        outcome.Message.Should().Contain("s3.objectsPresent");
    }

    public static TheoryData<string, string> MalformedEvents => new()
    {
        { string.Empty, "empty" },
        { "not json", "not JSON" },
        { "[1,2]", "not an object" },
        { """{"source":"aws.ec2","detail-type":"EC2 Instance State-change Notification","detail":{}}""", "expected 'aws.backup'" },
        { """{"source":"aws.backup","detail-type":"Restore Job State Change"}""", "no 'detail' object" },
        { """{"source":"aws.backup","detail-type":"Restore Job State Change","detail":{"status":"COMPLETED"}}""", "restoreJobId is missing" },
        { """{"source":"aws.backup","detail-type":"Restore Job State Change","detail":{"restoreJobId":"../../x","status":"COMPLETED"}}""", "not a restore job id" },
        { """{"source":"aws.backup","detail-type":"Restore Job State Change","detail":{"restoreJobId":"A-1"}}""", "status is missing" },
        { """{"source":"aws.backup","detail-type":"Restore Job State Change","detail":{"restoreJobId":"A-1","status":{"x":1}}}""", "expected a string" },
    };

    [Theory]
    [MemberData(nameof(MalformedEvents))]
    public async Task Handle_MalformedEvent_IsRejectedAndLoggedWithoutCallingAws(string evt, string reason)
    {
        var outcome = await _h.Validator().HandleAsync(evt, CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Rejected);
        outcome.Message.Should().Contain(reason);
        _h.Server.Requests.Should().BeEmpty();
        _h.Output.ToString().Should().Contain("rejected malformed event");
    }

    [Fact]
    public async Task Handle_RestoreNotStartedByATestingPlan_IsIgnoredWithoutTouchingIt()
    {
        var jobId = JobId();
        AddJob(jobId, "DynamoDB", $"arn:aws:dynamodb:{TestArns.Region}:{TestArns.Account}:table/production-orders", planArn: null);

        var outcome = await _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "DynamoDB", $"arn:aws:dynamodb:{TestArns.Region}:{TestArns.Account}:table/production-orders", planArn: null), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Ignored);
        outcome.Message.Should().Contain("not started by a restore testing plan");
        _h.Backup.Validations.Should().BeEmpty();
        _h.EmfLines().Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_EventOfAnotherRestoreTestingPlan_IsIgnoredBeforeAnyCall()
    {
        var evt = DrillHarness.CompletedEvent(JobId(), "DynamoDB", "arn:aws:dynamodb:eu-central-1:123456789012:table/x",
            planArn: "arn:aws:backup:eu-central-1:123456789012:restore-testing-plan:someone_else-9z");

        var outcome = await _h.Validator().HandleAsync(evt, CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Ignored);
        _h.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_EventArnDiffersFromTheJobsCreatedResource_RefusesToExamineEither()
    {
        var arn = await RestoredOrdersTableAsync(RecoveryPoint);
        var jobId = JobId();
        AddJob(jobId, "DynamoDB", arn);
        var evt = DrillHarness.CompletedEvent(jobId, "DynamoDB", $"arn:aws:dynamodb:{TestArns.Region}:{TestArns.Account}:table/production-orders");

        var outcome = await _h.Validator().HandleAsync(evt, CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Failed);
        outcome.Message.Should().Contain("refusing to examine either");
        (await _h.ReportAsync(jobId, JobCreated))!.RecordCount.Should().BeNull();
    }

    [Fact]
    public async Task Handle_DescribeRestoreJobThrottledOnEveryAttempt_ThrowsTransientAndRecordsNothing()
    {
        var jobId = JobId();
        AddJob(jobId, "DynamoDB", "arn:aws:dynamodb:eu-central-1:123456789012:table/t");
        for (var i = 0; i < 3; i++)
        {
            _h.Server.Faults.Enqueue(Fault.Throttling());
        }

        var act = () => _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "DynamoDB", "arn:aws:dynamodb:eu-central-1:123456789012:table/t"), CancellationToken.None);

        // Throttling says nothing about the restored data: the caller (the drill flow's Retry) tries again.
        (await act.Should().ThrowAsync<TransientDrillException>()).Which.Message.Should().Contain("ThrottlingException");
        _h.Backup.Validations.Should().BeEmpty();
        _h.EmfLines().Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_DescribeAnswerMalformed_ThrowsTransientAndRecordsNothing()
    {
        var jobId = JobId();
        AddJob(jobId, "DynamoDB", "arn:aws:dynamodb:eu-central-1:123456789012:table/t");
        for (var i = 0; i < 1; i++)
        {
            _h.Server.Faults.Enqueue(Fault.Malformed("<html>oops</html>"));
        }

        var act = () => _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "DynamoDB", "arn:aws:dynamodb:eu-central-1:123456789012:table/t"), CancellationToken.None);

        (await act.Should().ThrowAsync<TransientDrillException>()).Which.Message.Should().Contain("MalformedResponse");
        _h.Backup.Validations.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_PutValidationResultKeepsFailing_ThrowsAClearErrorAfterWritingTheReport()
    {
        var arn = await RestoredOrdersTableAsync(RecoveryPoint);
        var jobId = JobId();
        AddJob(jobId, "DynamoDB", arn);
        _h.Backup.PutFault = new Reply(500, """{"__type":"ServiceUnavailableException","message":"Backup is down"}""");

        var act = () => _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "DynamoDB", arn), CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.Operation.Should().Be("PutRestoreValidationResult");
        error.ErrorCode.Should().Be("ServiceUnavailableException");
        (await _h.ReportAsync(jobId, JobCreated)).Should().NotBeNull();
        _h.EmfLines().Should().BeEmpty("metrics are emitted only once the result is recorded, so a Lambda retry does not double count");
    }

    [Fact]
    public async Task Handle_RestoredTableMissing_RecordsFailedWithTheAwsErrorCode()
    {
        var jobId = JobId();
        var arn = $"arn:aws:dynamodb:{TestArns.Region}:{TestArns.Account}:table/{TestArns.Unique("gone")}";
        AddJob(jobId, "DynamoDB", arn);

        var outcome = await _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "DynamoDB", arn), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Failed);
        _h.Backup.Validations.Single().Message.Should().Contain("data.error").And.Contain("ResourceNotFoundException");
    }

    [Fact]
    public async Task Handle_RdsWithoutSecret_FailsNamingTheVariableToSet()
    {
        var instanceId = TestArns.Unique("nosecret");
        var arn = await MotoApi.CreateDbInstanceAsync(instanceId, "postgres", encrypted: true);
        var jobId = JobId();
        AddJob(jobId, "RDS", arn);

        var outcome = await _h.Validator().HandleAsync(DrillHarness.CompletedEvent(jobId, "RDS", arn), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Failed);
        outcome.Message.Should().Contain("set DB_SECRET_ARN");
    }

    [Fact]
    public async Task Handle_UnencryptedRestoredInstance_FailsTheEncryptionCheck()
    {
        var database = await SqlServers.CreateMariaDbAsync(SqlServers.Magento());
        var arn = await MotoApi.CreateDbInstanceAsync(TestArns.Unique("plain"), "mysql", encrypted: false, dbName: database);
        var secretArn = await MotoApi.CreateSecretAsync(TestArns.Unique("s"), $$"""{"username":"{{TestServices.MariaDbUser}}","password":"{{TestServices.MariaDbPassword}}"}""");
        var jobId = JobId();
        AddJob(jobId, "RDS", arn);
        var validator = _h.Validator((DrillVariables.DbSecretArn, secretArn), (DrillVariables.SqlPreset, SqlPresets.Magento));

        var outcome = await validator.HandleAsync(DrillHarness.CompletedEvent(jobId, "RDS", arn), CancellationToken.None);

        outcome.Outcome.Should().Be(DrillOutcome.Failed);
        outcome.Message.Should().Contain("rds.encrypted").And.Contain("not encrypted at rest");
        (await _h.ReportAsync(jobId, JobCreated))!.RecordCount.Should().Be(2, "the data checks still run and are reported");
    }

    [Fact]
    public async Task Handle_ReportBucketMissing_ThrowsBeforeRecordingSoTheRetryValidatesAgain()
    {
        var arn = await RestoredOrdersTableAsync(RecoveryPoint);
        var jobId = JobId();
        AddJob(jobId, "DynamoDB", arn);
        var validator = _h.Validator((DrillVariables.ReportBucket, "no-such-drill-bucket"));

        var act = () => validator.HandleAsync(DrillHarness.CompletedEvent(jobId, "DynamoDB", arn), CancellationToken.None);

        (await act.Should().ThrowAsync<TransientDrillException>()).Which.Message.Should().Contain("could not be written to s3://no-such-drill-bucket/drills/");
        _h.Backup.Validations.Should().BeEmpty("a result recorded without its report would make the retry see 'already validated' and lose the report");
    }

    [Fact]
    public async Task FunctionHandle_StreamEvent_ReturnsTheOutcomeAsJson()
    {
        var function = new Function(_h.Validator());

        using var output = function.Handle(new MemoryStream(Encoding.UTF8.GetBytes("""{"source":"aws.backup"}""")));

        var json = JsonNode.Parse(output)!;
        ((string?)json["outcome"]).Should().Be(DrillOutcome.Rejected);
        ((string?)json["message"]).Should().Contain("detail-type");
    }
}
