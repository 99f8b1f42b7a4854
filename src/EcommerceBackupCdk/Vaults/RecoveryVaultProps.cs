namespace EcommerceBackupCdk.Vaults;

/// <summary>Props of <see cref="RecoveryVault"/>.</summary>
public sealed record RecoveryVaultProps
{
    /// <summary>Store, lock, notifications and the retentions of the copies written into the vault.</summary>
    public required BackupVaultSettings Settings { get; init; }

    /// <summary><see cref="VaultRole.DrRegion"/> or <see cref="VaultRole.DrAccount"/>.</summary>
    public required VaultRole Role { get; init; }

    /// <summary>12-digit id of the account whose plans copy into this vault.</summary>
    public required string SourceAccount { get; init; }

    /// <summary>
    /// Organization id (<c>o-...</c>); when set, any account of the organization may copy in (condition
    /// <c>aws:PrincipalOrgID</c>) instead of the source account only. Default: source account only.
    /// </summary>
    public string? OrganizationId { get; init; }
}
