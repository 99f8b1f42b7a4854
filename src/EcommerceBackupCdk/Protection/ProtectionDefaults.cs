namespace EcommerceBackupCdk.Protection;

/// <summary>Every default number of the data-layer guard-rails, in one place.</summary>
public static class ProtectionDefaults
{
    /// <summary>
    /// Noncurrent S3 object versions move to Glacier Instant Retrieval this long after they become noncurrent:
    /// 30 days. Overwritten or deleted media stay restorable in milliseconds at about a sixth of the Standard price.
    /// </summary>
    public static readonly TimeSpan NoncurrentVersionTransitionAfter = TimeSpan.FromDays(30);

    /// <summary>
    /// The point-in-time recovery window of a tier without continuous backup: 14 days. A tier with continuous backup
    /// uses its continuous retention (35 days for <c>critical</c> by default). DynamoDB recovery periods are set to
    /// it; RDS and Aurora backup retention must be at least it.
    /// </summary>
    public static readonly TimeSpan PointInTimeRecovery = TimeSpan.FromDays(14);

    /// <summary>
    /// The DynamoDB recovery period when <c>RecoveryPeriodInDays</c> is not set: 35 days (AWS default, also the
    /// maximum).
    /// </summary>
    public static readonly TimeSpan DynamoDbDefaultRecoveryPeriod = TimeSpan.FromDays(35);

    /// <summary>The longest PITR window DynamoDB, RDS and Aurora accept: 35 days.</summary>
    public static readonly TimeSpan MaxPointInTimeRecovery = TimeSpan.FromDays(35);

    /// <summary>Id of the S3 lifecycle rule the guard-rail adds.</summary>
    public const string NoncurrentVersionsRuleId = "ecommerce-backup-noncurrent-versions";

    /// <summary>S3 storage class noncurrent versions move to: Glacier Instant Retrieval.</summary>
    public const string NoncurrentVersionsStorageClass = "GLACIER_IR";
}
