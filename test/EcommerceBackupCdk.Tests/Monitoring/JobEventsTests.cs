using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.SNS;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Monitoring;

/// <summary>
/// The synthesized job-event rules against AWS's own example events: each failing sample matches, its non-failing
/// siblings do not. The rule is built for the vault the sample names, so a miss is about the state, not the vault.
/// </summary>
public sealed class JobEventsTests
{
    private const string Store = "acme";

    [Theory]
    [InlineData("backup-job-failed")]
    [InlineData("backup-job-aborted")]
    [InlineData("backup-job-expired")]
    public void BackupRule_FailedSample_Matches(string sample)
    {
        var @event = Samples.Load(sample);

        EventPatternMatcher.Matches(BackupRule(VaultName(@event)!)["EventPattern"]!.AsObject(), @event).Should().BeTrue();
    }

    [Theory]
    [InlineData("backup-job-completed")]
    [InlineData("backup-job-running")]
    [InlineData("backup-job-pending")]
    [InlineData("backup-job-created")]
    public void BackupRule_NonFailingSample_DoesNotMatch(string sample)
    {
        var @event = Samples.Load(sample);
        var vault = VaultName(@event) ?? "9ab3e749-82c6-4342-9320-5edbf4918b86";

        EventPatternMatcher.Matches(BackupRule(vault)["EventPattern"]!.AsObject(), @event).Should().BeFalse();
    }

    [Fact]
    public void BackupRule_FailedJobOfAnotherVault_DoesNotMatch()
    {
        EventPatternMatcher.Matches(BackupRule("acme-primary")["EventPattern"]!.AsObject(), Samples.Load("backup-job-failed")).Should().BeFalse();
    }

    [Fact]
    public void CopyRule_FailedSample_Matches()
    {
        var @event = Samples.Load("copy-job-failed");

        EventPatternMatcher.Matches(CopyRule(SourceVaultArn(@event))["EventPattern"]!.AsObject(), @event).Should().BeTrue();
    }

    [Theory]
    [InlineData("copy-job-running")]
    [InlineData("copy-job-completed")]
    [InlineData("copy-job-created")]
    public void CopyRule_NonFailingSample_DoesNotMatch(string sample)
    {
        var @event = Samples.Load(sample);

        EventPatternMatcher.Matches(CopyRule(SourceVaultArn(@event))["EventPattern"]!.AsObject(), @event).Should().BeFalse();
    }

    [Fact]
    public void CopyRule_FailedCopyOutOfAnotherVault_DoesNotMatch()
    {
        var other = "arn:aws:backup:us-west-2:1112233445566:backup-vault:846869de-4589-45c3-ab60-4fbbabcdd3ec";

        EventPatternMatcher.Matches(CopyRule(other)["EventPattern"]!.AsObject(), Samples.Load("copy-job-failed")).Should().BeFalse();
    }

    [Fact]
    public void RestoreRule_FailedSample_MatchesOnStatus()
    {
        EventPatternMatcher.Matches(RestoreRule()["EventPattern"]!.AsObject(), Samples.Load("restore-job-failed")).Should().BeTrue();
    }

    [Theory]
    [InlineData("restore-job-running")]
    [InlineData("restore-job-completed")]
    [InlineData("restore-job-pending")]
    [InlineData("restore-job-created")]
    public void RestoreRule_NonFailingSample_DoesNotMatch(string sample)
    {
        EventPatternMatcher.Matches(RestoreRule()["EventPattern"]!.AsObject(), Samples.Load(sample)).Should().BeFalse();
    }

    [Theory]
    [InlineData("backup-job-failed")]
    [InlineData("copy-job-failed")]
    public void Rules_OtherJobKindsFailedSample_DoesNotMatch(string sample)
    {
        var @event = Samples.Load(sample);

        EventPatternMatcher.Matches(RestoreRule()["EventPattern"]!.AsObject(), @event).Should().BeFalse("restore rules filter on status and detail-type");
        if (sample.StartsWith("copy", StringComparison.Ordinal))
        {
            EventPatternMatcher.Matches(BackupRule("55aa945e-c46a-421b-aa27-f94b074e31b7")["EventPattern"]!.AsObject(), @event).Should().BeFalse();
        }
    }

    [Fact]
    public void BackupRule_Message_NamesStoreResourceVaultJobReasonAndConsole()
    {
        var @event = Samples.Load("backup-job-failed");
        var rule = BackupRule(VaultName(@event)!);

        var message = InputTransformer.Render(rule["Targets"]![0]!["InputTransformer"]!.AsObject(), @event);

        message.Should().Be(
            "[acme] AWS Backup backup job FAILED\n" +
            "Store: acme\n" +
            "Resource: arn:aws:service:us-west-2:1112233445566:resource-type/resource-id (type)\n" +
            "Vault: 9ab3e749-82c6-4342-9320-5edbf4918b86\n" +
            "Job id: 34176239-e96d-4e1d-9fad-529dbb3c3556\n" +
            "Reason: \"Backup job failed because backup vault arn:aws:backup:us-west-2:1112233445566:backup-vault:9ab3e749-82c6-4342-9320-5edbf4918b86 does not exist.\"\n" +
            "Account / region: 1112233445566 / us-west-2\n" +
            "Time: 2020-07-29T20:15:26Z\n" +
            "Console: https://us-west-2.console.aws.amazon.com/backup/home?region=us-west-2#/jobs");
    }

    [Fact]
    public void CopyAndRestoreRules_Message_NameJobReasonAndVaults()
    {
        var copy = Samples.Load("copy-job-failed");
        var restore = Samples.Load("restore-job-failed");

        var copyMessage = InputTransformer.Render(CopyRule(SourceVaultArn(copy))["Targets"]![0]!["InputTransformer"]!.AsObject(), copy);
        var restoreMessage = InputTransformer.Render(RestoreRule()["Targets"]![0]!["InputTransformer"]!.AsObject(), restore);

        copyMessage.Should().StartWith("[acme] AWS Backup copy job FAILED\n")
            .And.Contain("Job id: 47C8EF56-74D8-059D-1301-C5BE1D5C926E")
            .And.Contain("Reason: Access denied exception while trying to list tags")
            .And.Contain("Vault: arn:aws:backup:us-west-2:1112233445566:backup-vault:55aa945e-c46a-421b-aa27-f94b074e31b7 -> arn:aws:backup:");
        restoreMessage.Should().StartWith("[acme] AWS Backup restore job FAILED\n")
            .And.Contain("Job id: 1B234A56-789B-01CD-2A34-4567A08901FD")
            .And.Contain("Reason: AWS Backup does not permit attaching a new instance profile");
    }

    [Fact]
    public void Rules_Targets_AreTheTopicOfTheirSeverityWithoutExtraTopicPolicy()
    {
        var (_, _, template) = TestStacks.Facade();

        var rules = Json.ResourcesOfType(template, "AWS::Events::Rule").Select(r => r["Properties"]!).ToList();

        rules.Select(r => r["Name"]!.GetValue<string>()).Should().BeEquivalentTo(
            "acme-backup-job-failed-critical", "acme-copy-job-failed-warning", "acme-restore-job-failed-warning");
        rules.Should().OnlyContain(r => r["Targets"]!.AsArray().Count == 1 && r["Targets"]![0]!["Arn"]!["Ref"] != null);
        Json.ResourcesOfType(template, "AWS::SNS::TopicPolicy").Single()["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()
            .Where(s => s!["Effect"]!.GetValue<string>() == "Allow").Should().ContainSingle("the topic's own statement already lets EventBridge of this account publish");
    }

    private static string? VaultName(JsonObject @event) => @event["detail"]?["backupVaultName"]?.GetValue<string>();

    private static string SourceVaultArn(JsonObject @event) => @event["detail"]!["sourceBackupVaultArn"]!.GetValue<string>();

    private static JsonObject BackupRule(string vaultName) =>
        Rule(BackupVault.FromBackupVaultName(TestStacks.NewStack(), "Vault", vaultName), "acme-backup-job-failed-critical");

    private static JsonObject CopyRule(string sourceVaultArn) =>
        Rule(BackupVault.FromBackupVaultArn(TestStacks.NewStack(), "Vault", sourceVaultArn), "acme-copy-job-failed-warning");

    private static JsonObject RestoreRule() =>
        Rule(BackupVault.FromBackupVaultName(TestStacks.NewStack(), "Vault", "acme-primary"), "acme-restore-job-failed-warning");

    private static JsonObject Rule(IBackupVault vault, string name)
    {
        var stack = Amazon.CDK.Stack.Of(vault);
        _ = new BackupMonitoring(stack, "Monitoring", new BackupMonitoringProps
        {
            StoreName = Store,
            Vault = vault,
            AlertTopic = new Topic(stack, "Topic"),
            Targets = EcommerceBackupCdk.Tiers.BackupTargets.Defaults,
            Options = new MonitoringOptions { Dashboard = false },
        });
        return Json.ResourcesOfType(Template.FromStack(stack), "AWS::Events::Rule")
            .Select(r => r["Properties"]!.AsObject())
            .Single(r => r["Name"]!.GetValue<string>() == name);
    }
}
