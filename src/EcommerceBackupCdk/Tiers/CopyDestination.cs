namespace EcommerceBackupCdk.Tiers;

/// <summary>Where a copy action sends recovery points.</summary>
public enum CopyDestination
{
    /// <summary>The recovery vault in the disaster-recovery region of the primary account.</summary>
    DrRegion,

    /// <summary>The recovery vault in the disaster-recovery account.</summary>
    DrAccount,
}
