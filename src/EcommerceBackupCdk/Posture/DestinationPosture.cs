using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Posture;

/// <summary>
/// Recovery at one copy destination. Continuous backups are not copied as such: the destination receives the
/// snapshots of the rules that copy there, so its worst-case RPO is the longest gap between those copies.
/// </summary>
/// <param name="Destination">Which recovery vault.</param>
/// <param name="Account">The vault's account, or null when unknown at synth time.</param>
/// <param name="Region">The vault's region, or null when unknown.</param>
/// <param name="WorstCaseRpo">The longest gap between recovery points arriving there.</param>
/// <param name="LongestRetention">The longest retention of a copy there.</param>
public sealed record DestinationPosture(CopyDestination Destination, string? Account, string? Region, TimeSpan WorstCaseRpo, TimeSpan LongestRetention)
{
    /// <summary>How immutable recovery points are at the destination: governance lock, compliance lock or air-gapped.</summary>
    public Vaults.ImmutabilityLevel Immutability { get; init; }

    /// <summary>
    /// For a resource: false when AWS does not document its type as accepted by this destination (a DynamoDB table in a
    /// logically air-gapped vault, see <see cref="Vaults.AirGappedVaultFacts"/>), so the copy is not counted on. Default: true.
    /// </summary>
    public bool TypeDocumentedAsAccepted { get; init; } = true;
}
