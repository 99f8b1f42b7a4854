using Amazon.CDK;
using EcommerceBackupCdk.App.Config;

namespace EcommerceBackupCdk.App.Stacks;

/// <summary>Props of <see cref="DemoStoreStack"/>.</summary>
internal sealed class DemoStoreStackProps : StackProps
{
    public required string StoreName { get; init; }

    public required DemoStoreConfig Config { get; init; }

    /// <summary>Name of the stack whose tag selections enrol the demo resources (for the cdk-nag suppression reasons).</summary>
    public required string BackupStackName { get; init; }

    /// <summary>Meet the optional Control Tower controls too (config <c>controlTower.strict</c>).</summary>
    public bool ControlTowerStrict { get; init; }
}
