using EcommerceBackupCdk.RestoreDrill.Reports;

namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>The recovery report (JSON in the drill report bucket under recovery/, with a Markdown twin).</summary>
public sealed record RecoveryReport
{
    public required string Store { get; init; }

    public required string Tier { get; init; }

    public required string Mode { get; init; }

    public required string ExecutionName { get; init; }

    public DateTimeOffset? PointInTime { get; init; }

    public bool LatestRequested { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>Start of the execution to the last resource validated; null when a resource failed before validation.</summary>
    public long? FullStackRtoSeconds { get; init; }

    public long RtoTargetSeconds { get; init; }

    public long RpoTargetSeconds { get; init; }

    /// <summary>SUCCEEDED or FAILED.</summary>
    public required string Result { get; init; }

    public IReadOnlyList<ResourceResult> Resources { get; init; } = [];

    /// <summary>Checks across layers (newest order and newest cart within [point - RPO, point]) and of the whole run.</summary>
    public IReadOnlyList<DrillCheck> Checks { get; init; } = [];

    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>Per restored resource of a malware-scanned type (S3): the last clean recovery point, or why there is none.</summary>
    public IReadOnlyList<CleanRecoveryPoint> CleanPoints { get; init; } = [];

    /// <summary>Incident mode: what to switch over, with the real restored names.</summary>
    public IReadOnlyList<string> CutoverSteps { get; init; } = [];

    public string? Failure { get; init; }
}
