using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Posture;

/// <summary>A copy a rule makes of each recovery point.</summary>
/// <param name="Destination">Which recovery vault.</param>
/// <param name="Account">The vault's account, or null when unknown at synth time.</param>
/// <param name="Region">The vault's region, or null when unknown.</param>
/// <param name="Retention">How long the copy is kept.</param>
/// <param name="MoveToColdStorageAfter">When the copy moves to cold storage, or null.</param>
public sealed record CopyPosture(CopyDestination Destination, string? Account, string? Region, TimeSpan Retention, TimeSpan? MoveToColdStorageAfter)
{
    /// <summary>How immutable the copy is at its destination: governance lock, compliance lock or air-gapped.</summary>
    public Vaults.ImmutabilityLevel Immutability { get; init; }
}
