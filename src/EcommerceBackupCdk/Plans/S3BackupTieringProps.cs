namespace EcommerceBackupCdk.Plans;

/// <summary>Props of <see cref="S3BackupTiering"/>.</summary>
public sealed record S3BackupTieringProps
{
    /// <summary>The vault whose S3 backups are tiered (a name in the stack's account and region).</summary>
    public required string VaultName { get; init; }

    /// <summary>Age in the vault after which S3 backup data moves to the low-cost warm tier: whole days, 60 to 36500.</summary>
    public TimeSpan After { get; init; } = S3BackupTiering.DefaultAfter;

    /// <summary>
    /// The longest retention written into the vault. Tiering is refused when nothing is kept beyond <see cref="After"/>:
    /// it would do nothing.
    /// </summary>
    public required TimeSpan LongestRetention { get; init; }
}
