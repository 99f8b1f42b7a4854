using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Recovery;

/// <summary>
/// Store recovery runs on the drills, so the facade creates it only with them: recovery configured while drills are
/// off would do nothing, and the library refuses it with the message the config reader gives.
/// </summary>
public sealed class RecoveryWithDrillsTests
{
    private const string Expected =
        "recovery: does nothing while drills.enabled is false: store recovery runs on the drill validator and its report bucket (got 'enabled', allowed drills.enabled true, or recovery.enabled false)";

    [Fact]
    public void Facade_RecoverySetWhileDrillsAreOff_ThrowsNamingBoth()
    {
        // TestStacks.DemoProps has the drills off.
        var act = () => TestStacks.Facade(TestStacks.DemoProps() with { Recovery = new RecoveryOptions { Tier = TierName.Standard } });

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().Contain(Expected);
    }

    [Fact]
    public void ValidateWithDrills_DefaultsWhileDrillsAreOff_AreAccepted()
    {
        var problems = new ValidationProblems();

        RecoveryOptionsValidator.ValidateWithDrills(new RecoveryOptions(), new DrillOptions { Enabled = false }, problems);
        RecoveryOptionsValidator.ValidateWithDrills(new RecoveryOptions { Tier = TierName.Standard }, new DrillOptions(), problems);
        RecoveryOptionsValidator.ValidateWithDrills(new RecoveryOptions { Enabled = false }, new DrillOptions { Enabled = false }, problems);

        problems.All.Should().BeEmpty();
    }

    [Fact]
    public void ValidateWithDrills_ConfiguredEvenAtDefaults_IsRefused()
    {
        // A config reader knows the key was written, even with nothing but defaults in it.
        var problems = new ValidationProblems();

        RecoveryOptionsValidator.ValidateWithDrills(new RecoveryOptions(), new DrillOptions { Enabled = false }, problems, configured: true);

        problems.All.Should().Equal(Expected);
    }
}
