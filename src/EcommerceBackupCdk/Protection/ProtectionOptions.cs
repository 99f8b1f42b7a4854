namespace EcommerceBackupCdk.Protection;

/// <summary>Options of the data-layer guard-rails and the coverage check (<c>ecommerceBackup.protection</c> in config).</summary>
public sealed record ProtectionOptions
{
    /// <summary>Enforce (set missing properties) or verify (fail synth). Default: <see cref="ProtectionMode.Enforce"/>.</summary>
    public ProtectionMode Mode { get; init; } = ProtectionMode.Enforce;

    /// <summary>
    /// When noncurrent S3 versions move to Glacier Instant Retrieval. Whole days, shorter than every tier's retention
    /// (S3 requires the expiration after the transition). Default: <see cref="ProtectionDefaults.NoncurrentVersionTransitionAfter"/> (30 days).
    /// </summary>
    public TimeSpan NoncurrentVersionTransitionAfter { get; init; } = ProtectionDefaults.NoncurrentVersionTransitionAfter;

    /// <summary>
    /// PITR window of tiers without continuous backup, 1 to 35 whole days. Default:
    /// <see cref="ProtectionDefaults.PointInTimeRecovery"/> (14 days).
    /// </summary>
    public TimeSpan PointInTimeRecovery { get; init; } = ProtectionDefaults.PointInTimeRecovery;

    /// <summary>
    /// Apply the aspect to the whole app (every stack of the facade's stage) rather than only the facade's stack.
    /// Default: true, so data stacks next to the backup stack are covered.
    /// </summary>
    public bool WholeApp { get; init; } = true;
}
