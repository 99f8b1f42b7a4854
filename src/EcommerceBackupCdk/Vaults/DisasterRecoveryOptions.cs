namespace EcommerceBackupCdk.Vaults;

/// <summary>Where copies of recovery points go.</summary>
public sealed record DisasterRecoveryOptions
{
    /// <summary>
    /// Region of the recovery vault in the primary account. Required when any rule copies to
    /// <see cref="Tiers.CopyDestination.DrRegion"/>; must differ from the primary region.
    /// </summary>
    public string? Region { get; init; }

    /// <summary>
    /// 12-digit id of the disaster-recovery account. Required when any rule copies to
    /// <see cref="Tiers.CopyDestination.DrAccount"/>; must differ from the primary account. Cross-account copy
    /// requires AWS Organizations with cross-account backup enabled in the management account.
    /// </summary>
    public string? Account { get; init; }

    /// <summary>
    /// Region of the recovery vault in the DR account. Default: the primary region, because AWS Backup cannot copy
    /// RDS, Aurora, DocumentDB and Neptune recovery points across account and region in one action.
    /// </summary>
    public string? AccountRegion { get; init; }

    /// <summary>
    /// AWS Organizations id (<c>o-...</c>). When set, the DR account vault accepts copies from any account of the
    /// organization instead of the primary account only. Default: primary account only.
    /// </summary>
    public string? OrganizationId { get; init; }
}
