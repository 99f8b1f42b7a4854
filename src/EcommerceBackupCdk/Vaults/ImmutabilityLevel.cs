namespace EcommerceBackupCdk.Vaults;

/// <summary>How hard it is to delete a recovery point before its retention ends, weakest first.</summary>
public enum ImmutabilityLevel
{
    /// <summary>Vault Lock in governance mode: principals with the lock permissions can remove the lock and delete.</summary>
    GovernanceLock,

    /// <summary>Vault Lock in compliance mode: after the grace time nobody, the root user included, can delete early.</summary>
    ComplianceLock,

    /// <summary>
    /// A logically air-gapped vault: compliance-mode lock set by AWS, and the data stored in an AWS Backup service-owned
    /// account, outside the reach of the vault account's credentials.
    /// </summary>
    AirGapped,
}
