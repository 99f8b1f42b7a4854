namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>One tier: its targets, its controls' latest compliance, its drills, and a verdict.</summary>
public sealed record TierEvidence
{
    public required string Tier { get; init; }

    public required EvidenceTierTarget Targets { get; init; }

    public string? Framework { get; init; }

    public int ControlsCompliant { get; init; }

    public int ControlsNonCompliant { get; init; }

    public int ControlsOther { get; init; }

    public int DrillsRun { get; init; }

    public int DrillsSucceeded { get; init; }

    public int DrillsFailed { get; init; }

    public long? WorstRestoreSeconds { get; init; }

    public long? WorstDataFreshnessSeconds { get; init; }

    /// <summary>MET | ATTENTION | NO_EVIDENCE.</summary>
    public required string Verdict { get; init; }

    /// <summary>Why the verdict is not MET, in words.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    public const string Met = "MET";
    public const string Attention = "ATTENTION";
    public const string NoEvidence = "NO_EVIDENCE";
}
