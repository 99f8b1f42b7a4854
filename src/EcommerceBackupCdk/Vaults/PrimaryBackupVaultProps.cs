namespace EcommerceBackupCdk.Vaults;

/// <summary>Props of <see cref="PrimaryBackupVault"/>.</summary>
public sealed record PrimaryBackupVaultProps
{
    /// <summary>Store, lock, notifications and the retentions written into the vault.</summary>
    public required BackupVaultSettings Settings { get; init; }

    /// <summary>
    /// Accounts allowed to copy recovery points back into this vault (cross-account recovery) and to use its key
    /// through AWS Backup. Default: none.
    /// </summary>
    public IReadOnlyList<string> RecoveryAccounts { get; init; } = [];
}
