namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>The newest store recovery as the evidence index shows it: the last measured full-stack RTO next to the target.</summary>
public sealed record StoreRecoveryEvidence
{
    public required string ExecutionName { get; init; }

    public required string Mode { get; init; }

    public required string Tier { get; init; }

    public DateTimeOffset? PointInTime { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>Null when the store was not fully recovered (then there is no full-stack time).</summary>
    public long? FullStackRtoSeconds { get; init; }

    public long RtoTargetSeconds { get; init; }

    public required string Result { get; init; }

    public bool? RtoMet => FullStackRtoSeconds is { } s ? s <= RtoTargetSeconds : null;

    public required string ReportKey { get; init; }
}
