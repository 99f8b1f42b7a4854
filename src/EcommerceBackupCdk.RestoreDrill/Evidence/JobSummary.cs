namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>Counts of jobs of one kind in the period, and the jobs that failed.</summary>
public sealed record JobSummary
{
    public int Completed { get; init; }

    public int Failed { get; init; }

    /// <summary>Running, created, expired, partial ...</summary>
    public int Other { get; init; }

    public IReadOnlyList<string> FailedJobIds { get; init; } = [];
}
