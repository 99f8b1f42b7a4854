namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>One restore drill of the period, as its drill report measured it.</summary>
public sealed record DrillEvidence
{
    public required string Tier { get; init; }

    public required string ResourceType { get; init; }

    public string? SourceResourceArn { get; init; }

    public required string RestoreJobId { get; init; }

    public required DateTimeOffset ValidatedAt { get; init; }

    /// <summary>Measured RTO: restore job completion - creation.</summary>
    public long? RestoreSeconds { get; init; }

    public required long RtoTargetSeconds { get; init; }

    /// <summary>Restore job creation - recovery point creation.</summary>
    public long? RecoveryPointAgeSeconds { get; init; }

    /// <summary>Measured RPO: recovery point creation - newest record found in the restored data.</summary>
    public long? DataFreshnessSeconds { get; init; }

    public required long RpoTargetSeconds { get; init; }

    public long? RecordCount { get; init; }

    /// <summary>SUCCEEDED | FAILED | NOT_VALIDATED.</summary>
    public required string Result { get; init; }

    public required string Message { get; init; }

    public bool? RtoMet => RestoreSeconds is { } s ? s <= RtoTargetSeconds : null;

    public bool? RpoMet => DataFreshnessSeconds is { } s ? s <= RpoTargetSeconds : null;

    public required string ReportKey { get; init; }
}
