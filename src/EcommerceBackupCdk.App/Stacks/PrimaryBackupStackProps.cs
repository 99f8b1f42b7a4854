using Amazon.CDK;

namespace EcommerceBackupCdk.App.Stacks;

/// <summary>Props of <see cref="PrimaryBackupStack"/>.</summary>
internal sealed class PrimaryBackupStackProps : StackProps
{
    public required EcommerceBackupProps Backup { get; init; }

    public Config.DrillConfig Drills { get; init; } = new();

    public Config.RecoveryConfig Recovery { get; init; } = new();

    /// <summary>The demo store's drill network (its VPC, DB subnet group, restored-database security group), used where the config names none.</summary>
    public DemoDrillNetwork? DemoDrillNetwork { get; init; }
}
