using Amazon.CDK.AWS.Events;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// The EventBridge patterns and messages of failed AWS Backup jobs. Backup and copy job events carry the job state in
/// <c>detail.state</c>, restore job events in <c>detail.status</c> (AWS Backup Developer Guide, "Monitoring AWS Backup
/// events using Amazon EventBridge").
/// </summary>
public static class JobEvents
{
    /// <summary>The event source of AWS Backup.</summary>
    public const string Source = "aws.backup";

    /// <summary>Detail type of backup job events.</summary>
    public const string BackupJobStateChange = "Backup Job State Change";

    /// <summary>Detail type of copy job events.</summary>
    public const string CopyJobStateChange = "Copy Job State Change";

    /// <summary>Detail type of restore job events.</summary>
    public const string RestoreJobStateChange = "Restore Job State Change";

    /// <summary>Backup job states that need attention: failed, cancelled, not started in the start window, or only partly done (composite jobs).</summary>
    public static IReadOnlyList<string> FailedBackupStates { get; } = ["FAILED", "ABORTED", "EXPIRED", "PARTIAL"];

    /// <summary>Copy job states that need attention (copy jobs do not expire).</summary>
    public static IReadOnlyList<string> FailedCopyStates { get; } = ["FAILED", "ABORTED", "PARTIAL"];

    /// <summary>Restore job statuses that need attention (restore jobs are PENDING, RUNNING, COMPLETED, ABORTED or FAILED).</summary>
    public static IReadOnlyList<string> FailedRestoreStatuses { get; } = ["FAILED", "ABORTED"];

    /// <summary>Failed backup jobs writing into the named vault.</summary>
    public static EventPattern FailedBackupJobs(string vaultName) => new()
    {
        Source = [Source],
        DetailType = [BackupJobStateChange],
        Detail = new Dictionary<string, object>
        {
            ["state"] = FailedBackupStates.ToArray(),
            ["backupVaultName"] = new[] { vaultName },
        },
    };

    /// <summary>
    /// Failed copy jobs copying out of the vault. Copy job events name the vaults by ARN only
    /// (<c>sourceBackupVaultArn</c>, <c>destinationBackupVaultArn</c>) and are sent where the copy job runs — the
    /// source account and region.
    /// </summary>
    public static EventPattern FailedCopyJobs(string sourceVaultArn) => new()
    {
        Source = [Source],
        DetailType = [CopyJobStateChange],
        Detail = new Dictionary<string, object>
        {
            ["state"] = FailedCopyStates.ToArray(),
            ["sourceBackupVaultArn"] = new[] { sourceVaultArn },
        },
    };

    /// <summary>
    /// Failed restore jobs of the account and region. Not scoped to a vault: a failed restore event names no vault
    /// (only completed ones carry <c>backupVaultArn</c>), and every failed restore — an incident's or a drill's — matters.
    /// </summary>
    public static EventPattern FailedRestoreJobs() => new()
    {
        Source = [Source],
        DetailType = [RestoreJobStateChange],
        Detail = new Dictionary<string, object>
        {
            ["status"] = FailedRestoreStatuses.ToArray(),
        },
    };

    /// <summary>The message of a failed backup job: store, state, resource, vault, job id, reason, console link.</summary>
    public static RuleTargetInput BackupJobMessage(string storeName) => Message(storeName, "backup",
        state: "$.detail.state", jobId: "$.detail.backupJobId", resource: "$.detail.resourceArn", vault: EventField.FromPath("$.detail.backupVaultName"));

    /// <summary>The message of a failed copy job: the vault is the destination the copy was going to.</summary>
    public static RuleTargetInput CopyJobMessage(string storeName) => Message(storeName, "copy",
        state: "$.detail.state", jobId: "$.detail.copyJobId", resource: "$.detail.resourceArn",
        vault: $"{EventField.FromPath("$.detail.sourceBackupVaultArn")} -> {EventField.FromPath("$.detail.destinationBackupVaultArn")}");

    /// <summary>The message of a failed restore job (restore events name the recovery point, not a vault).</summary>
    public static RuleTargetInput RestoreJobMessage(string storeName) => Message(storeName, "restore",
        state: "$.detail.status", jobId: "$.detail.restoreJobId", resource: "$.detail.sourceResourceArn", vault: EventField.FromPath("$.detail.recoveryPointArn"));

    private static RuleTargetInput Message(string storeName, string jobKind, string state, string jobId, string resource, string vault)
    {
        var region = EventField.FromPath("$.region");
        var lines = new[]
        {
            $"[{storeName}] AWS Backup {jobKind} job {EventField.FromPath(state)}",
            $"Store: {storeName}",
            $"Resource: {EventField.FromPath(resource)} ({EventField.FromPath("$.detail.resourceType")})",
            jobKind == "restore" ? $"Recovery point: {vault}" : $"Vault: {vault}",
            $"Job id: {EventField.FromPath(jobId)}",
            $"Reason: {EventField.FromPath("$.detail.statusMessage")}",
            $"Account / region: {EventField.FromPath("$.account")} / {region}",
            $"Time: {EventField.FromPath("$.time")}",
            $"Console: https://{region}.console.aws.amazon.com/backup/home?region={region}#/jobs",
        };
        return RuleTargetInput.FromText(string.Join('\n', lines));
    }
}
