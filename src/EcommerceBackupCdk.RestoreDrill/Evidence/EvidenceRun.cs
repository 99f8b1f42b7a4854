namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>What one run of the evidence index wrote.</summary>
public sealed record EvidenceRun
{
    public required string Period { get; init; }

    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>Tier to verdict (MET | ATTENTION | NO_EVIDENCE).</summary>
    public required IReadOnlyDictionary<string, string> Verdicts { get; init; }
}
