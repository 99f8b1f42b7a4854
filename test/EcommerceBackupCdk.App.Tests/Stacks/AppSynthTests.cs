using EcommerceBackupCdk.App.Tests.Support;

namespace EcommerceBackupCdk.App.Tests.Stacks;

/// <summary>The whole demo app: one snapshot and resource counts per stack.</summary>
public sealed class AppSynthTests
{
    [Fact]
    public void Synth_DemoConfig_HasPrimaryDrRegionAndDrAccountStacks()
    {
        DemoApp.Templates.Keys.Should().BeEquivalentTo("acme-backup-primary", "acme-backup-dr-region", "acme-backup-dr-account");
    }

    [Theory]
    [InlineData("acme-backup-primary")]
    [InlineData("acme-backup-dr-region")]
    [InlineData("acme-backup-dr-account")]
    public void Synth_DemoConfig_MatchesSnapshot(string stack)
    {
        Snapshot.Match(stack, Json.Of(DemoApp.Templates[stack]));
    }

    [Fact]
    public void Synth_DrStacks_EachHoldOneLockedEncryptedVault()
    {
        foreach (var stack in new[] { "acme-backup-dr-region", "acme-backup-dr-account" })
        {
            var counts = Json.CountByType(Json.Of(DemoApp.Templates[stack]));
            counts["AWS::Backup::BackupVault"].Should().Be(1);
            counts["AWS::KMS::Key"].Should().Be(2, "one key for the vault, one for the alert topic");
            counts.Should().NotContainKey("AWS::Backup::BackupPlan");
        }

        DemoApp.Templates["acme-backup-dr-region"].HasResourceProperties("AWS::Backup::BackupVault", new Dictionary<string, object>
        {
            ["BackupVaultName"] = "acme-dr-region",
            ["LockConfiguration"] = new Dictionary<string, object> { ["MinRetentionDays"] = 7, ["MaxRetentionDays"] = 90 },
        });
        DemoApp.Templates["acme-backup-dr-account"].HasResourceProperties("AWS::Backup::BackupVault", new Dictionary<string, object>
        {
            ["BackupVaultName"] = "acme-dr-account",
            ["LockConfiguration"] = new Dictionary<string, object> { ["MinRetentionDays"] = 7, ["MaxRetentionDays"] = 2555 },
        });
    }

    [Fact]
    public void Synth_CloudAssembly_PutsStacksInTheirAccountsAndRegionsAndOrdersDeployment()
    {
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(DemoApp.Outdir, "manifest.json")))!["artifacts"]!;

        manifest["acme-backup-primary"]!["environment"]!.GetValue<string>().Should().Be("aws://111111111111/eu-central-1");
        manifest["acme-backup-dr-region"]!["environment"]!.GetValue<string>().Should().Be("aws://111111111111/eu-west-1");
        manifest["acme-backup-dr-account"]!["environment"]!.GetValue<string>().Should().Be("aws://222222222222/eu-central-1");
        manifest["acme-backup-primary"]!["dependencies"]!.AsArray().Select(d => d!.GetValue<string>())
            .Should().Contain(["acme-backup-dr-region", "acme-backup-dr-account"]);
    }
}
