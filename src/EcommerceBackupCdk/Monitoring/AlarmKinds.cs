namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// The kinds of alarms and job-event rules <see cref="BackupMonitoring"/> creates. Each is the <c>&lt;what&gt;</c> part
/// of its name (see <see cref="MonitoringNames"/>) and the key of its severity in
/// <see cref="MonitoringOptions.Severities"/> and the <c>monitoring.severities</c> config.
/// </summary>
public static class AlarmKinds
{
    /// <summary>Backup jobs ended FAILED (metric <c>NumberOfBackupJobsFailed</c>).</summary>
    public const string BackupJobsFailed = "backup-jobs-failed";

    /// <summary>Backup jobs could not start within the start window (metric <c>NumberOfBackupJobsExpired</c>).</summary>
    public const string BackupJobsExpired = "backup-jobs-expired";

    /// <summary>Backup jobs were cancelled (metric <c>NumberOfBackupJobsAborted</c>).</summary>
    public const string BackupJobsAborted = "backup-jobs-aborted";

    /// <summary>Copy jobs to a recovery vault failed (metric <c>NumberOfCopyJobsFailed</c>).</summary>
    public const string CopyJobsFailed = "copy-jobs-failed";

    /// <summary>Restore jobs failed (metric <c>NumberOfRestoreJobsFailed</c>).</summary>
    public const string RestoreJobsFailed = "restore-jobs-failed";

    /// <summary>No backup job completed for longer than a tier allows (metric <c>NumberOfBackupJobsCompleted</c>).</summary>
    public const string MissingBackups = "missing-backups";

    /// <summary>Backup jobs kept running longer than a tier allows (metric <c>NumberOfBackupJobsRunning</c>).</summary>
    public const string SlowBackupJobs = "slow-backup-jobs";

    /// <summary>Copy jobs kept running longer than allowed (metric <c>NumberOfCopyJobsRunning</c>).</summary>
    public const string SlowCopyJobs = "slow-copy-jobs";

    /// <summary>EventBridge rule: one message per backup job that ended FAILED, ABORTED, EXPIRED or PARTIAL.</summary>
    public const string BackupJobEvents = "backup-job-failed";

    /// <summary>EventBridge rule: one message per copy job that ended FAILED, ABORTED or PARTIAL.</summary>
    public const string CopyJobEvents = "copy-job-failed";

    /// <summary>EventBridge rule: one message per restore job that ended FAILED or ABORTED.</summary>
    public const string RestoreJobEvents = "restore-job-failed";

    /// <summary>
    /// An EventBridge rule of the backup system could not deliver to its target (metric <c>AWS/Events</c>
    /// <c>FailedInvocations</c>): its messages are lost, e.g. when the topic's key does not let EventBridge encrypt.
    /// </summary>
    public const string EventDeliveryFailed = "event-delivery-failed";

    /// <summary>
    /// A Step Functions workflow of the backup system (the restore drill flow) had executions that failed, timed out or
    /// were aborted (metrics <c>AWS/States</c> <c>ExecutionsFailed</c>, <c>ExecutionsTimedOut</c>,
    /// <c>ExecutionsAborted</c>): the restore jobs they handled got no verdict from the flow.
    /// </summary>
    public const string WorkflowExecutionsFailed = "workflow-executions-failed";

    /// <summary>Every kind, in documented order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        BackupJobsFailed, BackupJobsExpired, BackupJobsAborted, CopyJobsFailed, RestoreJobsFailed,
        MissingBackups, SlowBackupJobs, SlowCopyJobs, BackupJobEvents, CopyJobEvents, RestoreJobEvents,
        EventDeliveryFailed, WorkflowExecutionsFailed,
    ];
}
