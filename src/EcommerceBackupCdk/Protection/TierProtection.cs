using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Protection;

/// <summary>What the guard-rails require of a resource in one tier, derived from the tier's targets.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="PointInTimeRecovery">
/// The tier's PITR window: its continuous retention, or <see cref="ProtectionOptions.PointInTimeRecovery"/> without
/// continuous backup. DynamoDB recovery periods match it; RDS/Aurora backup retention is at least it.
/// </param>
/// <param name="Retention">The longest retention of the tier in the primary vault; noncurrent S3 versions expire after it.</param>
/// <param name="CopiesToAnotherAccount">Whether a rule of the tier copies to the DR account (needs customer-managed keys on RDS and EBS).</param>
/// <param name="NoncurrentVersionTransitionAfter">When noncurrent S3 versions move to Glacier Instant Retrieval.</param>
public sealed record TierProtection(
    TierName Tier,
    TimeSpan PointInTimeRecovery,
    TimeSpan Retention,
    bool CopiesToAnotherAccount,
    TimeSpan NoncurrentVersionTransitionAfter)
{
    /// <summary>Derives the requirements of a tier.</summary>
    public static TierProtection For(TierName tier, BackupTargets targets, ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        var t = targets[tier];
        var retention = t.Rules.Select(r => r.Retention).Append(t.Continuous?.Retention ?? TimeSpan.Zero).Max();
        return new TierProtection(
            tier,
            t.Continuous?.Retention ?? options.PointInTimeRecovery,
            retention,
            t.Rules.Any(r => r.Copies.Any(c => c.Destination == CopyDestination.DrAccount)),
            options.NoncurrentVersionTransitionAfter);
    }

    /// <summary>
    /// The account copies of this tier go to (the DR account), when the tier copies there and the account is known.
    /// Customer-managed keys of enrolled RDS/Aurora/EBS resources must be shared with it (<see cref="KeySharing"/>).
    /// Default: null (no key-sharing check).
    /// </summary>
    public string? CopyAccount { get; init; }

    /// <summary>The PITR window in whole days.</summary>
    public int PointInTimeRecoveryDays => (int)PointInTimeRecovery.TotalDays;

    /// <summary>The retention in whole days.</summary>
    public int RetentionDays => (int)Retention.TotalDays;
}
