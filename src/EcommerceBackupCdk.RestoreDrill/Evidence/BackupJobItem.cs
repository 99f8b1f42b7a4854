namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>One row of a BACKUP_JOB_REPORT, COPY_JOB_REPORT or RESTORE_JOB_REPORT.</summary>
public sealed record BackupJobItem
{
    /// <summary>BACKUP | COPY | RESTORE.</summary>
    public required string Kind { get; init; }

    public required string JobId { get; init; }

    /// <summary>CREATED | RUNNING | COMPLETED | FAILED | ABORTED | EXPIRED | PARTIAL ...</summary>
    public required string Status { get; init; }

    public string? ResourceArn { get; init; }

    public string? ResourceType { get; init; }

    public DateTimeOffset? CreationDate { get; init; }

    public DateTimeOffset? CompletionDate { get; init; }

    /// <summary>Copy jobs: the vault the copy went to.</summary>
    public string? DestinationVaultArn { get; init; }

    public required string ReportKey { get; init; }

    public const string Backup = "BACKUP";
    public const string Copy = "COPY";
    public const string Restore = "RESTORE";
}
