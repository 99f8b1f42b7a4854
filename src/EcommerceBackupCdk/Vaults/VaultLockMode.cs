namespace EcommerceBackupCdk.Vaults;

/// <summary>AWS Backup Vault Lock modes.</summary>
public enum VaultLockMode
{
    /// <summary>Governance mode: users with IAM permission can still remove the lock. The default.</summary>
    Governance,

    /// <summary>
    /// Compliance mode: after the grace time (<see cref="VaultLockOptions.ChangeableFor"/>) nobody, not even the
    /// root user or AWS, can remove the lock or delete a recovery point before its retention ends.
    /// </summary>
    Compliance,
}
