using System.Text.Json.Serialization;

namespace EcommerceBackupCdk.RestoreDrill.Reports;

/// <summary>
/// The JSON drill report, schema version 1 — a stable contract read by the audit evidence index (issue 6).
/// Stored at s3://REPORT_BUCKET/drills/yyyy/MM/dd/&lt;restoreJobId&gt;.json (date = restore job creation, UTC).
/// Property names are camelCase; times are ISO-8601 UTC; durations whole seconds; absent values are null.
/// Fields are only ever added, never renamed or removed, without bumping <see cref="SchemaVersion"/>.
/// </summary>
public sealed record DrillReport
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>Always 1 for this shape.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string Store { get; init; }

    /// <summary>critical | standard | archive.</summary>
    public required string Tier { get; init; }

    public required string Region { get; init; }

    public string? AccountId { get; init; }

    /// <summary>AWS Backup resource type: DynamoDB, S3, RDS, Aurora, EBS, EFS, ...</summary>
    public required string ResourceType { get; init; }

    public required string RestoreJobId { get; init; }

    public string? RestoreTestingPlanArn { get; init; }

    public string? SourceResourceArn { get; init; }

    public string? CreatedResourceArn { get; init; }

    public string? RecoveryPointArn { get; init; }

    /// <summary>COMPLETED | FAILED | ABORTED (as DescribeRestoreJob said).</summary>
    public required string RestoreJobStatus { get; init; }

    public string? RestoreJobStatusMessage { get; init; }

    public DateTimeOffset? RestoreJobCreatedAt { get; init; }

    public DateTimeOffset? RestoreJobCompletedAt { get; init; }

    public DateTimeOffset? RecoveryPointCreatedAt { get; init; }

    /// <summary>Newest order/cart time found in the restored data.</summary>
    public DateTimeOffset? NewestRecordAt { get; init; }

    public required DateTimeOffset ValidatedAt { get; init; }

    /// <summary>Measured RTO: restore job completion - creation.</summary>
    public long? RestoreDurationSeconds { get; init; }

    /// <summary>Restore job creation - recovery point creation.</summary>
    public long? RecoveryPointAgeSeconds { get; init; }

    /// <summary>Measured RPO: recovery point creation - newest record (data written after it is lost on restore).</summary>
    public long? DataFreshnessSeconds { get; init; }

    /// <summary>Items, rows or objects counted in the restored resource.</summary>
    public long? RecordCount { get; init; }

    public required long RtoTargetSeconds { get; init; }

    public required long RpoTargetSeconds { get; init; }

    public required long MaxDataFreshnessSeconds { get; init; }

    public long? MaxRecoveryPointAgeSeconds { get; init; }

    public required IReadOnlyList<DrillCheck> Checks { get; init; }

    /// <summary>SUCCEEDED | FAILED | NOT_VALIDATED (see <see cref="DrillResult"/>).</summary>
    public required string Result { get; init; }

    /// <summary>ValidationStatus sent with PutRestoreValidationResult (SUCCESSFUL | FAILED), or null when none was sent.</summary>
    public string? ValidationStatusSent { get; init; }

    public required string ValidationMessage { get; init; }

    [JsonIgnore]
    public string S3Key => DrillReportKey.For(RestoreJobId, RestoreJobCreatedAt ?? ValidatedAt);
}
