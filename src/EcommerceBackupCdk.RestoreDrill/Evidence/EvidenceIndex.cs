namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>The evidence index of one month: what an auditor reads first, with pointers to every raw report.</summary>
public sealed record EvidenceIndex
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string Store { get; init; }

    public required string Period { get; init; }

    public required DateTimeOffset From { get; init; }

    /// <summary>Exclusive end of the period.</summary>
    public required DateTimeOffset To { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required string Bucket { get; init; }

    /// <summary>The bucket the drill reports are in (the drill report bucket, or the evidence bucket).</summary>
    public required string DrillBucket { get; init; }

    public required IReadOnlyList<TierEvidence> Tiers { get; init; }

    /// <summary>Latest compliance per framework and control.</summary>
    public required IReadOnlyList<ControlEvidence> Controls { get; init; }

    /// <summary>Resources found non-compliant in the latest resource compliance reports.</summary>
    public IReadOnlyList<ResourceComplianceItem> NonCompliantResources { get; init; } = [];

    public required IReadOnlyList<DrillEvidence> Drills { get; init; }

    /// <summary>The newest store recovery (recovery/latest.json in the drill report bucket): measured full-stack RTO beside the target; null when none ran.</summary>
    public StoreRecoveryEvidence? LastStoreRecovery { get; init; }

    public required JobSummary BackupJobs { get; init; }

    public required JobSummary CopyJobs { get; init; }

    public required JobSummary RestoreJobs { get; init; }

    public IReadOnlyList<CopyDestinationSummary> CopiesByDestination { get; init; } = [];

    public required DigestPointers TrailDigests { get; init; }

    /// <summary>Keys of the raw drill reports of the period.</summary>
    public IReadOnlyList<string> DrillReportKeys { get; init; } = [];

    /// <summary>Keys of the raw Audit Manager report files of the period.</summary>
    public IReadOnlyList<string> AuditReportKeys { get; init; } = [];

    /// <summary>Files that could not be read, each with the reason; they are listed, never silently dropped.</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];
}
