using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Protection;

/// <summary>Props of <see cref="DataProtectionAspect"/>.</summary>
public sealed record DataProtectionAspectProps
{
    /// <summary>
    /// The tiers' targets the guard-rails derive from: PITR windows, retentions, and which tiers copy to another account.
    /// Default: <see cref="BackupTargets.Defaults"/>.
    /// </summary>
    public BackupTargets Targets { get; init; } = BackupTargets.Defaults;

    /// <summary>Mode and guard-rail settings. Default: enforce with the documented defaults.</summary>
    public ProtectionOptions Options { get; init; } = new();

    /// <summary>
    /// The DR account copies go to. With it, the guard-rails share the customer-managed key of every enrolled RDS
    /// instance, Aurora cluster and EBS volume whose tier copies to another account with this account (enforce mode,
    /// keys defined in the app) or demand it (verify mode). Default: null (keys are not checked for sharing).
    /// </summary>
    public string? DrAccount { get; init; }
}
