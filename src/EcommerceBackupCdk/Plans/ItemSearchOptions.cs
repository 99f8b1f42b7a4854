using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Plans;

/// <summary>
/// Backup indexes for item-level search: the snapshot rules of <see cref="Tiers"/> get an index action for S3, so that
/// one object (a product image, an invoice) can be found across months of recovery points and restored alone
/// (runbook 11). Indexes are billed (https://aws.amazon.com/backup/pricing/), hence off unless set.
/// </summary>
public sealed record ItemSearchOptions
{
    /// <summary>Tiers whose S3 recovery points are indexed. Default: <c>standard</c> (product images) and <c>archive</c> (invoices).</summary>
    public IReadOnlyList<TierName> Tiers { get; init; } = [TierName.Standard, TierName.Archive];
}
