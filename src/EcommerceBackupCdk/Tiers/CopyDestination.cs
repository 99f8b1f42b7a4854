namespace EcommerceBackupCdk.Tiers;

/// <summary>Where a copy action sends recovery points.</summary>
public enum CopyDestination
{
    /// <summary>The recovery vault in the disaster-recovery region of the primary account.</summary>
    DrRegion,

    /// <summary>The recovery vault in the disaster-recovery account.</summary>
    DrAccount,

    /// <summary>
    /// The logically air-gapped vault in the disaster-recovery account (<see cref="Vaults.AirGappedVault"/>), which
    /// needs <see cref="EcommerceBackupProps.AirGappedVault"/>.
    /// </summary>
    AirGapped,
}
