using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.App.Tests.Config;

public sealed class ProtectionConfigTests
{
    private const string Base = """
        "storeName": "acme", "primary": { "account": "111111111111", "region": "eu-central-1" },
        "disasterRecovery": { "region": "eu-west-1", "account": "222222222222" }
        """;

    private static AppConfig Read(string extra = "") => ConfigReader.Read("{" + Base + extra + "}");

    [Fact]
    public void Read_NoProtectionOrDemoStoreKey_EnforcesAndLeavesTheDemoStoreOff()
    {
        var config = Read();

        config.Backup.Protection.Should().Be(new ProtectionOptions());
        config.DemoStore.Enabled.Should().BeFalse();
    }

    [Fact]
    public void Read_ProtectionAndDemoStore_AreApplied()
    {
        var config = Read("""
            , "protection": { "mode": "verify", "noncurrentVersionTransitionAfter": "10d", "pointInTimeRecovery": "7d" },
            "demoStore": { "enabled": true, "ordersGiB": 20, "cartsGiB": 1.5, "mediaGiB": 80 }
            """);

        config.Backup.Protection.Should().Be(new ProtectionOptions { Mode = ProtectionMode.Verify, NoncurrentVersionTransitionAfter = TimeSpan.FromDays(10), PointInTimeRecovery = TimeSpan.FromDays(7) });
        config.DemoStore.Should().Be(new DemoStoreConfig { Enabled = true, OrdersGiB = 20, CartsGiB = 1.5, MediaGiB = 80 });
    }

    [Fact]
    public void Read_ProtectionDisabled_TurnsTheAspectOff()
    {
        Read(""", "protection": { "enabled": false }""").Backup.Protection.Should().BeNull();
    }

    [Fact]
    public void Read_BadValues_ReportsEveryProblem()
    {
        var act = () => Read("""
            , "protection": { "mode": "strict", "pointInTimeRecovery": "40d", "color": 1 },
            "demoStore": { "enabled": "yes", "cartsGiB": -1 }
            """);

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().BeEquivalentTo(
            "protection.color: is not a known key (got 'color', allowed enabled, mode, noncurrentVersionTransitionAfter, pointInTimeRecovery, wholeApp)",
            "protection.mode: is not a protection mode (got 'strict', allowed 'enforce' or 'verify')",
            "demoStore.enabled: must be true or false (got 'yes', allowed true, false)",
            "demoStore.cartsGiB: is not a data size (got '-1', allowed a number of GiB above 0, at most 1000000)",
            "protection.pointInTimeRecovery: is out of range (got 40d, allowed whole days from 1d to 35d (DynamoDB, RDS and Aurora limit))");
    }

    [Fact]
    public void Read_WholeNumberSerialisedAsDouble_IsAcceptedAsInteger()
    {
        // The CDK CLI hands context over through jsii as doubles: "years": 7 arrives as 7.0.
        Read(""", "targets": { "archive": { "years": 5.0 } }""").Backup.Targets.Archive.Rules[0].Retention.Should().Be(TimeSpan.FromDays(5 * 365));
    }

    [Fact]
    public void Read_FractionalYears_IsRejected()
    {
        var act = () => Read(""", "targets": { "archive": { "years": 5.5 } }""");

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().Contain("targets.archive.years: must be a whole number (got 5.5, allowed an integer)");
    }
}
