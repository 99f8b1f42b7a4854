namespace EcommerceBackupCdk.Vaults;

/// <summary>The role a vault plays in the deployment.</summary>
public enum VaultRole
{
    /// <summary>The vault in the primary account and region that every rule writes into.</summary>
    Primary,

    /// <summary>The recovery vault in the DR region of the primary account.</summary>
    DrRegion,

    /// <summary>The recovery vault in the DR account.</summary>
    DrAccount,

    /// <summary>The logically air-gapped vault in the DR account (<see cref="AirGappedVault"/>).</summary>
    AirGapped,
}
