namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// Backup vault notification events. AWS Backup still lists deprecated events in its API (e.g.
/// <c>BACKUP_JOB_FAILED</c>) but no longer emits them; only <see cref="Supported"/> events may be configured.
/// </summary>
public static class VaultEvents
{
    /// <summary>The events AWS Backup emits today (PutBackupVaultNotifications, "supported events").</summary>
    public static IReadOnlyList<string> Supported { get; } =
    [
        "BACKUP_JOB_STARTED", "BACKUP_JOB_COMPLETED",
        "COPY_JOB_STARTED", "COPY_JOB_SUCCESSFUL", "COPY_JOB_FAILED",
        "RESTORE_JOB_STARTED", "RESTORE_JOB_COMPLETED", "RECOVERY_POINT_MODIFIED",
        "S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED",
    ];

    /// <summary>
    /// Deprecated events: accepted by the API but never emitted, so configuring them silently loses alerts.
    /// </summary>
    public static IReadOnlyList<string> Deprecated { get; } =
    [
        "BACKUP_JOB_SUCCESSFUL", "BACKUP_JOB_FAILED", "BACKUP_JOB_EXPIRED",
        "RESTORE_JOB_SUCCESSFUL", "RESTORE_JOB_FAILED",
        "BACKUP_PLAN_CREATED", "BACKUP_PLAN_MODIFIED",
    ];

    /// <summary>
    /// The default: events an operator acts on — failed copies, failed S3 objects, changed recovery points, and
    /// completed restores. Failed backup jobs are caught by EventBridge rules, which see the job state.
    /// </summary>
    public static IReadOnlyList<string> Default { get; } =
    [
        "COPY_JOB_FAILED", "RECOVERY_POINT_MODIFIED", "RESTORE_JOB_COMPLETED",
        "S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED",
    ];
}
