namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>The fields of <c>DescribeRestoreJob</c> the validator reads.</summary>
public sealed record RestoreJobDescription
{
    public required string RestoreJobId { get; init; }

    public string? AccountId { get; init; }

    /// <summary>PENDING | RUNNING | COMPLETED | ABORTED | FAILED.</summary>
    public required string Status { get; init; }

    public string? StatusMessage { get; init; }

    public string? ResourceType { get; init; }

    public string? CreatedResourceArn { get; init; }

    public string? RecoveryPointArn { get; init; }

    public DateTimeOffset? CreationDate { get; init; }

    public DateTimeOffset? CompletionDate { get; init; }

    public DateTimeOffset? RecoveryPointCreationDate { get; init; }

    public string? RestoreTestingPlanArn { get; init; }

    /// <summary>FAILED | SUCCESSFUL | TIMED_OUT | VALIDATING, or null while nobody validated.</summary>
    public string? ValidationStatus { get; init; }

    public string? ValidationStatusMessage { get; init; }

    public string? DeletionStatus { get; init; }

    public long? BackupSizeInBytes { get; init; }
}
