namespace EcommerceBackupCdk.Compliance;

/// <summary>The controls derived for one tier, and the ones that could not be expressed with the limits AWS sets.</summary>
/// <param name="Controls">The controls of the tier's framework.</param>
/// <param name="Skipped">Controls left out, each with the reason (e.g. an RPO longer than the 31 days a control can express).</param>
public sealed record TierControls(IReadOnlyList<AuditControl> Controls, IReadOnlyList<string> Skipped);
