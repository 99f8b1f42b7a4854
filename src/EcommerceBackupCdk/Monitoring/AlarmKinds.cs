using EcommerceBackupCdk.Topology;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// The kinds of alarms and job-event rules <see cref="BackupMonitoring"/> creates or lists — the restore drill and
/// store recovery alarms included. Each is the key of its severity in <see cref="MonitoringOptions.Severities"/> and
/// the <c>monitoring.severities</c> config, and the <c>&lt;what&gt;</c> part of its name (see
/// <see cref="PhysicalNames.Alarm"/>; the drill kinds name their alarms by <see cref="PhysicalNames.DrillAlarm"/>).
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

    /// <summary>EventBridge rule: a CloudTrail management event that weakens the backups (<see cref="TamperAlerts"/>). Always critical.</summary>
    public const string Tamper = "tamper";

    /// <summary>EventBridge rule: GuardDuty found malware in a recovery point (<see cref="MalwareScanEvents"/>). Always critical.</summary>
    public const string MalwareFound = "malware-found";

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

    /// <summary>
    /// A restore drill of a resource type failed: the restore did not complete or the restored data did not pass the
    /// validator (metric <c>EcommerceBackup/RestoreDrill</c> success below 1). Named
    /// <c>&lt;store&gt;-drill-&lt;type&gt;-failed</c> (<see cref="PhysicalNames.DrillAlarm"/>).
    /// </summary>
    public const string DrillFailed = "drill-failed";

    /// <summary>A drill's restore of a resource type took longer than the judging tier's RTO.</summary>
    public const string DrillRtoBreached = "drill-rto-breached";

    /// <summary>The newest recovery point a drill found was older than the judging tier's backups allow.</summary>
    public const string DrillRecoveryPointTooOld = "drill-recovery-point-too-old";

    /// <summary>No restore drill reported for longer than the drill schedule allows.</summary>
    public const string DrillNoReport = "drill-no-report";

    /// <summary>A drill event could not be delivered to or handled by the validator (its dead-letter queue has messages).</summary>
    public const string DrillDeadLetters = "drill-validator-dead-letters";

    /// <summary>The last store recovery took longer than its tier's RTO (<see cref="Recovery.StoreRecovery"/>).</summary>
    public const string StoreRecoveryRtoBreached = "store-recovery-rto-breached";

    /// <summary>
    /// Every kind <see cref="MonitoringOptions.Severities"/> can re-rank, in documented order. <see cref="Tamper"/> and
    /// <see cref="MalwareFound"/> are always critical and not listed.
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
    [
        BackupJobsFailed, BackupJobsExpired, BackupJobsAborted, CopyJobsFailed, RestoreJobsFailed,
        MissingBackups, SlowBackupJobs, SlowCopyJobs, BackupJobEvents, CopyJobEvents, RestoreJobEvents,
        EventDeliveryFailed, WorkflowExecutionsFailed,
        DrillFailed, DrillRtoBreached, DrillRecoveryPointTooOld, DrillNoReport, DrillDeadLetters, StoreRecoveryRtoBreached,
    ];
}
