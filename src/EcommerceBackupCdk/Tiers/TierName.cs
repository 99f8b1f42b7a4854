namespace EcommerceBackupCdk.Tiers;

/// <summary>The data tiers of the tag contract. The tag value is the lower-case name.</summary>
public enum TierName
{
    /// <summary>Orders, payments, carts and sessions: RPO minutes, RTO under an hour.</summary>
    Critical,

    /// <summary>Catalog, theme/config, inventory logs: RPO a day, RTO hours.</summary>
    Standard,

    /// <summary>Tax and audit history kept for years.</summary>
    Archive,
}
