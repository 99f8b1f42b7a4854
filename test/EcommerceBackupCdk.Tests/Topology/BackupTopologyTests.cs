using Amazon.CDK;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Tests.Topology;

/// <summary>
/// The demo config (DESIGN §3 defaults, DR region eu-west-1, DR account 222222222222): critical copies daily to the DR
/// region and weekly to the DR account, standard weekly to the DR region, archive monthly to the DR account.
/// </summary>
public sealed class BackupTopologyTests
{
    private static BackupTopology Demo(EcommerceBackupProps? props = null) =>
        BackupTopology.Of(props ?? TestStacks.DemoProps(), TestStacks.PrimaryAccount, TestStacks.PrimaryRegion, "aws");

    [Fact]
    public void Of_DemoConfig_PlacesEachVaultWhereItLives()
    {
        var topology = Demo();

        topology.Vaults.Select(v => (v.Role, v.Name, v.Account, v.Region, v.Arn)).Should().Equal(
            (VaultRole.Primary, "acme-primary", "111111111111", "eu-central-1", "arn:aws:backup:eu-central-1:111111111111:backup-vault:acme-primary"),
            (VaultRole.DrRegion, "acme-dr-region", "111111111111", "eu-west-1", "arn:aws:backup:eu-west-1:111111111111:backup-vault:acme-dr-region"),
            (VaultRole.DrAccount, "acme-dr-account", "222222222222", "eu-central-1", "arn:aws:backup:eu-central-1:222222222222:backup-vault:acme-dr-account"));
        topology.Vault(VaultRole.AirGapped).Receives.Should().BeFalse("no rule copies to the air-gapped vault in the demo");
    }

    [Fact]
    public void Of_DemoConfig_LockLimitsSpanWhatIsWrittenIntoEachVault()
    {
        var topology = Demo();

        topology.Vaults.Select(v => (v.Role, v.LockMode, v.LockMin, v.LockMax)).Should().Equal(
            (VaultRole.Primary, VaultLockMode.Governance, TimeSpan.FromDays(7), TimeSpan.FromDays(2555)),
            (VaultRole.DrRegion, VaultLockMode.Governance, TimeSpan.FromDays(7), TimeSpan.FromDays(90)),
            (VaultRole.DrAccount, VaultLockMode.Governance, TimeSpan.FromDays(7), TimeSpan.FromDays(2555)));
        topology.Vault(VaultRole.DrRegion).Written.Select(w => w.Key).Should().Equal(
            "targets.critical.rules.Daily.copies[0].retention", "targets.standard.rules.Weekly.copies[0].retention");
    }

    [Fact]
    public void Of_AccountRegionSet_PutsTheDrAccountAndAirGappedVaultsThere()
    {
        var props = TestStacks.DemoProps() with
        {
            DisasterRecovery = new DisasterRecoveryOptions { Region = TestStacks.DrRegion, Account = TestStacks.DrAccount, AccountRegion = "eu-north-1" },
        };

        var topology = Demo(props);

        topology.Vault(VaultRole.DrAccount).Region.Should().Be("eu-north-1");
        topology.Vault(VaultRole.AirGapped).Region.Should().Be("eu-north-1");
        topology.Vault(VaultRole.DrRegion).Region.Should().Be(TestStacks.DrRegion);
    }

    [Fact]
    public void Of_UnknownPartition_LeavesArnsOut()
    {
        BackupTopology.Of(TestStacks.DemoProps(), TestStacks.PrimaryAccount, null, null).Vaults.Should().OnlyContain(v => v.Arn == null);
    }

    [Fact]
    public void Facade_CopyActions_UseTheTopologysArns()
    {
        var (stack, backup, _) = TestStacks.Facade();

        backup.DrRegionVaultArn.Should().Be(backup.Topology.Vault(VaultRole.DrRegion).Arn);
        backup.DrAccountVaultArn.Should().Be(backup.Topology.Vault(VaultRole.DrAccount).Arn);
        // The ARN carries the stack's partition token, rendered as AWS::Partition in the copy action.
        var resolved = Newtonsoft.Json.Linq.JToken.FromObject(stack.Resolve(backup.DrAccountVaultArn!)).ToString(Newtonsoft.Json.Formatting.None);
        resolved.Should().Contain("AWS::Partition").And.Contain(":backup:eu-central-1:222222222222:backup-vault:acme-dr-account\"");
    }

    [Fact]
    public void CopiesOf_DemoTargets_ListsEveryCopyAction()
    {
        BackupTopology.CopiesOf(BackupTargets.Defaults).Should().Equal(
            (TierName.Critical, "Daily", CopyDestination.DrRegion),
            (TierName.Critical, "Weekly", CopyDestination.DrAccount),
            (TierName.Standard, "Weekly", CopyDestination.DrRegion),
            (TierName.Archive, "Monthly", CopyDestination.DrAccount));
    }

    [Fact]
    public void VaultLockLimits_ExplicitLimits_WinOverWhatIsWritten()
    {
        var limits = VaultLockLimits.Of(new VaultLockOptions { MinRetention = TimeSpan.FromDays(1), MaxRetention = TimeSpan.FromDays(400) },
            [("a", TimeSpan.FromDays(14)), ("b", TimeSpan.FromDays(35))]);

        limits.Should().Be((TimeSpan.FromDays(1), TimeSpan.FromDays(400)));
        VaultLockLimits.Of(new VaultLockOptions(), [("a", TimeSpan.FromDays(3)), ("b", TimeSpan.FromDays(35))])
            .Should().Be((TimeSpan.FromDays(3), TimeSpan.FromDays(35)), "derived: min(7d, shortest) to longest");
    }
}
