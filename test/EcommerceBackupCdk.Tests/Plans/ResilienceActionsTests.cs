using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Plans;

public class ResilienceActionsTests
{
    private static System.Text.Json.Nodes.JsonNode Plan(System.Text.Json.Nodes.JsonObject template, string name) =>
        Json.ResourcesOfTypeIn(template, "AWS::Backup::BackupPlan").Single(p => p["Properties"]!["BackupPlan"]!["BackupPlanName"]!.GetValue<string>() == name)["Properties"]!["BackupPlan"]!;

    [Fact]
    public void MalwareScanning_CriticalPlan_GetsScanSettingsAndAScanActionPerSnapshotRule()
    {
        var (_, backup, template) = TestStacks.Facade(TestStacks.DemoProps() with { MalwareScanning = new MalwareScanOptions { ScanMode = MalwareScanMode.Full } });
        var json = Json.Of(template);
        var critical = Plan(json, "acme-critical");

        var setting = critical["ScanSettings"]!.AsArray().Single()!;
        setting["MalwareScanner"]!.GetValue<string>().Should().Be("GUARDDUTY");
        setting["ResourceTypes"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("EBS", "EC2", "S3");
        setting["ScannerRoleArn"]!.ToJsonString().Should().Contain("ScannerRole");
        var rules = critical["BackupPlanRule"]!.AsArray();
        rules.Where(r => r!["RuleName"]!.GetValue<string>() != TieredBackupPlan.ContinuousRuleName)
            .Should().OnlyContain(r => r!["ScanActions"]![0]!["ScanMode"]!.GetValue<string>() == "FULL_SCAN");
        rules.Single(r => r!["RuleName"]!.GetValue<string>() == TieredBackupPlan.ContinuousRuleName)!["ScanActions"].Should().BeNull();
        Plan(json, "acme-standard")["ScanSettings"].Should().BeNull("only the critical tier is scanned by default");

        var scannerRole = Json.ResourcesOfTypeIn(json, "AWS::IAM::Role").Single(r => r["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString().Contains("malware-protection.guardduty.amazonaws.com", StringComparison.Ordinal));
        scannerRole["Properties"]!["ManagedPolicyArns"]!.ToJsonString().Should().Contain("AWSBackupGuardDutyRolePolicyForScans");
        backup.Plans.ScannerRole.Should().NotBeNull();
        Json.ResourcesOfTypeIn(json, "AWS::IAM::Role").Count(r => r["Properties"]!["ManagedPolicyArns"]?.ToJsonString().Contains("AWSBackupServiceRolePolicyForScans", StringComparison.Ordinal) == true)
            .Should().Be(1, "only the critical tier's selection role starts scans");
    }

    [Fact]
    public void ItemSearch_StandardAndArchiveRules_GetOneS3IndexAction()
    {
        var (_, _, template) = TestStacks.Facade(TestStacks.DemoProps() with { ItemSearch = new ItemSearchOptions() });
        var json = Json.Of(template);

        foreach (var plan in new[] { "acme-standard", "acme-archive" })
        {
            Plan(json, plan)["BackupPlanRule"]!.AsArray().Should().OnlyContain(r => r!["IndexActions"]!.ToJsonString() == """[{"ResourceTypes":["S3"]}]""");
        }

        Plan(json, "acme-critical")["BackupPlanRule"]!.AsArray().Should().OnlyContain(r => r!["IndexActions"] == null);
    }

    [Fact]
    public void Validate_EmptyOrRepeatedTiers_IsRefused()
    {
        var props = TestStacks.DemoProps() with
        {
            MalwareScanning = new MalwareScanOptions { Tiers = [] },
            ItemSearch = new ItemSearchOptions { Tiers = [TierName.Standard, TierName.Standard] },
        };

        PropsValidator.Validate(props).All.Should().Contain("malwareScanning.tiers: names no tier, so the setting would do nothing (got 0, allowed critical, standard, archive)")
            .And.Contain("itemSearch.tiers: names a tier twice (got ['standard', 'standard'], allowed each tier once)");
    }
}
