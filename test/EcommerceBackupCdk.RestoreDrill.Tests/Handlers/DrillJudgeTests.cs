using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Handlers;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Validators;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Handlers;

/// <summary>The verdict without any AWS call: what the validate step read in, the judged report out.</summary>
public sealed class DrillJudgeTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 27, 18, 0, 0, TimeSpan.Zero);

    private static DrillObservation Observation(TimeSpan restoreTook, DateTimeOffset newestRecord) => new()
    {
        Store = "acme",
        Region = "eu-central-1",
        Event = new RestoreJobEvent { RestoreJobId = "job-1", Status = "COMPLETED", SourceResourceArn = "arn:aws:dynamodb:eu-central-1:111111111111:table/orders" },
        Job = new RestoreJobDescription
        {
            RestoreJobId = "job-1",
            Status = "COMPLETED",
            CreationDate = Created,
            CompletionDate = Created + restoreTook,
            RecoveryPointCreationDate = Created.AddMinutes(-30),
            CreatedResourceArn = "arn:aws:dynamodb:eu-central-1:111111111111:table/awsbackup-restore-test-1",
        },
        ResourceType = "DynamoDB",
        Settings = new ResourceSettings { Tier = ContractTiers.Critical, SqlPreset = SqlPresets.WooCommerce },
        Target = new TierTarget { RpoSeconds = 300, RtoSeconds = 1800, MaxDataFreshnessSeconds = 3600 },
        Checks = [DrillCheck.Pass("restore.completed", "restore job COMPLETED")],
        Data = new ResourceValidation { Checks = [], RecordCount = 42, NewestRecordAt = newestRecord, DataValidated = true },
        ValidatedAt = Created.AddHours(1),
    };

    [Fact]
    public void Verdict_WithinTargets_Succeeds()
    {
        var verdict = DrillJudge.Verdict(Observation(TimeSpan.FromMinutes(20), Created.AddMinutes(-40)));

        verdict.Report.Result.Should().Be(DrillResult.Succeeded);
        verdict.Report.RestoreDurationSeconds.Should().Be(1200);
        verdict.Report.DataFreshnessSeconds.Should().Be(600, "the newest record is 10 minutes older than the recovery point");
        verdict.Report.ValidationStatusSent.Should().Be(RestoreValidationStatus.Successful);
        verdict.Report.ValidationMessage.Should().StartWith("OK: ").And.Contain("42 records");
    }

    [Fact]
    public void Verdict_RestoreSlowerThanRto_FailsNamingTheTarget()
    {
        var verdict = DrillJudge.Verdict(Observation(TimeSpan.FromMinutes(45), Created.AddMinutes(-40)));

        verdict.Report.Result.Should().Be(DrillResult.Failed);
        verdict.Report.Checks.Should().Contain(c => c.Name == "target.rto" && c.Status == DrillCheck.Failed);
        verdict.Report.ValidationMessage.Should().StartWith("FAILED 1 check(s): target.rto: restore took 2700 s, over the critical RTO target of 1800 s");
        verdict.Report.ValidationStatusSent.Should().Be(RestoreValidationStatus.Failed);
    }
}
