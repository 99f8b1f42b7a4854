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
}
