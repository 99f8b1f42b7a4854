using Amazon.CDK.AWS.Events;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// The CloudTrail management events that weaken the backups, as EventBridge patterns, and the message that names who did
/// what. "All events that are delivered by CloudTrail have AWS API Call via CloudTrail as the value for detail-type. To
/// record events with a detail-type value of AWS API Call via CloudTrail, a CloudTrail trail with logging enabled is
/// required." — https://docs.aws.amazon.com/eventbridge/latest/userguide/event-types.html. Pattern form
/// (<c>source</c> = <c>aws.&lt;service&gt;</c>, <c>detail.eventSource</c>, <c>detail.eventName</c>) —
/// https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-backup.html.
/// </summary>
public static class TamperEvents
{
    private static readonly string[] SuspendedStatus = ["Suspended"];

    /// <summary>Detail type of every CloudTrail-delivered API call.</summary>
    public const string DetailType = "AWS API Call via CloudTrail";

    /// <summary>One weakening action: its id (construct id and name qualifier), what it means, and its pattern.</summary>
    /// <param name="Id">Construct id and the qualifier of the rule name, e.g. <c>vault-lock</c>.</param>
    /// <param name="Description">What the action does to the backups.</param>
    /// <param name="Pattern">The EventBridge pattern.</param>
    public sealed record TamperAction(string Id, string Description, EventPattern Pattern);

    /// <summary>Every weakening action, in the order of issue 15.</summary>
    /// <param name="vaultKeyArns">Key ids and ARNs of the vault keys whose disabling or scheduled deletion is watched.</param>
    /// <param name="minimumDbRetentionDays">An RDS/Aurora backup retention below this many days counts as lowered.</param>
    /// <param name="includeDenied">Whether denied attempts (events with an <c>errorCode</c>) match too.</param>
    public static IReadOnlyList<TamperAction> All(IReadOnlyList<string> vaultKeyArns, int minimumDbRetentionDays, bool includeDenied)
    {
        ArgumentNullException.ThrowIfNull(vaultKeyArns);
        var actions = new List<TamperAction>
        {
            Backup("vault-access-policy", "changed or removed a backup vault's access policy",
                ["PutBackupVaultAccessPolicy", "DeleteBackupVaultAccessPolicy"], includeDenied),
            Backup("vault-lock", "changed or removed a backup vault's Vault Lock",
                ["PutBackupVaultLockConfiguration", "DeleteBackupVaultLockConfiguration"], includeDenied),
            Backup("recovery-points", "deleted a recovery point, shortened its lifecycle or disassociated it",
                ["DeleteRecoveryPoint", "UpdateRecoveryPointLifecycle", "DisassociateRecoveryPoint"], includeDenied),
            Backup("plans", "deleted or changed a backup plan or deleted a backup selection",
                ["DeleteBackupPlan", "UpdateBackupPlan", "DeleteBackupSelection"], includeDenied),
            Backup("stopped-jobs", "stopped a running backup job", ["StopBackupJob"], includeDenied),
            Backup("vaults-and-holds", "deleted a backup vault or its notifications, released a legal hold, or changed which services AWS Backup protects",
                ["DeleteBackupVault", "DeleteBackupVaultNotifications", "CancelLegalHold", "UpdateRegionSettings"], includeDenied),
        };

        if (vaultKeyArns.Count > 0)
        {
            // The caller names the key in requestParameters.keyId as a key id or key ARN ("requestParameters":
            // {"pendingWindowInDays": 20, "keyId": "1234abcd-..."} —
            // https://docs.aws.amazon.com/kms/latest/developerguide/ct-schedule-key-deletion.html, example entry), so the
            // pattern lists both forms of each vault key.
            actions.Add(new TamperAction("vault-key", "scheduled the deletion of, or disabled, a vault's KMS key",
                Pattern("aws.kms", "kms.amazonaws.com", ["ScheduleKeyDeletion", "DisableKey"], includeDenied, new Dictionary<string, object>
                {
                    ["requestParameters"] = new Dictionary<string, object> { ["keyId"] = vaultKeyArns.ToArray() },
                })));
        }

        actions.Add(new TamperAction("trail", "stopped or deleted a CloudTrail trail (the tamper alerts depend on one)",
            Pattern("aws.cloudtrail", "cloudtrail.amazonaws.com", ["StopLogging", "DeleteTrail"], includeDenied, null)));

        // CloudTrail records the API request under requestParameters with lower-camel-case member names
        // (UpdateContinuousBackups: PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled —
        // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateContinuousBackups.html).
        actions.Add(new TamperAction("dynamodb-pitr", "turned point-in-time recovery off on a DynamoDB table",
            Pattern("aws.dynamodb", "dynamodb.amazonaws.com", ["UpdateContinuousBackups"], includeDenied, new Dictionary<string, object>
            {
                ["requestParameters"] = new Dictionary<string, object>
                {
                    ["pointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["pointInTimeRecoveryEnabled"] = new object[] { false } },
                },
            })));

        // PutBucketVersioning: "Suspended - Suspends versioning for the objects in the bucket" — the S3 request body element
        // VersioningConfiguration.Status (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketVersioning.html).
        actions.Add(new TamperAction("s3-versioning", "suspended versioning on an S3 bucket",
            Pattern("aws.s3", "s3.amazonaws.com", ["PutBucketVersioning"], includeDenied, new Dictionary<string, object>
            {
                ["requestParameters"] = new Dictionary<string, object>
                {
                    ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = SuspendedStatus },
                },
            })));

        // ModifyDBInstance / ModifyDBCluster BackupRetentionPeriod, matched numerically below the guard-rail minimum
        // (EventBridge numeric matching: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html).
        actions.Add(new TamperAction("rds-retention", $"lowered the backup retention of an RDS or Aurora database below {minimumDbRetentionDays} days",
            Pattern("aws.rds", "rds.amazonaws.com", ["ModifyDBInstance", "ModifyDBCluster"], includeDenied, new Dictionary<string, object>
            {
                ["requestParameters"] = new Dictionary<string, object>
                {
                    ["backupRetentionPeriod"] = new object[] { new Dictionary<string, object> { ["numeric"] = new object[] { "<", minimumDbRetentionDays } } },
                },
            })));

        return actions;
    }

    /// <summary>
    /// The alert: who (userIdentity.arn), what (eventName on eventSource), on what (requestParameters), whether AWS denied
    /// it (errorCode), when and from where. Field names are those of the CloudTrail record
    /// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
    /// </summary>
    public static RuleTargetInput Message(string storeName, string description)
    {
        var lines = new[]
        {
            $"[{storeName}] TAMPER ALERT: someone {description}",
            $"Who: {EventField.FromPath("$.detail.userIdentity.arn")} (account {EventField.FromPath("$.detail.userIdentity.accountId")})",
            $"What: {EventField.FromPath("$.detail.eventName")} on {EventField.FromPath("$.detail.eventSource")}",
            $"Request: {EventField.FromPath("$.detail.requestParameters")}",
            $"Denied by AWS (empty = it succeeded): {EventField.FromPath("$.detail.errorCode")} {EventField.FromPath("$.detail.errorMessage")}",
            $"When / from: {EventField.FromPath("$.detail.eventTime")} from {EventField.FromPath("$.detail.sourceIPAddress")} ({EventField.FromPath("$.detail.userAgent")})",
            $"Account / region: {EventField.FromPath("$.account")} / {EventField.FromPath("$.region")}",
            "Runbook: runbooks/13-tamper-alert.md — confirm with the named principal; if unknown, treat as an incident (revoke the principal, check the vault lock and recovery points).",
        };
        return RuleTargetInput.FromText(string.Join('\n', lines));
    }

    private static TamperAction Backup(string id, string description, string[] eventNames, bool includeDenied) =>
        new(id, description, Pattern(JobEvents.Source, "backup.amazonaws.com", eventNames, includeDenied, null));

    private static EventPattern Pattern(string source, string eventSource, string[] eventNames, bool includeDenied, Dictionary<string, object>? extra)
    {
        var detail = new Dictionary<string, object>
        {
            ["eventSource"] = new[] { eventSource },
            ["eventName"] = eventNames,
        };
        if (!includeDenied)
        {
            detail["errorCode"] = new object[] { new Dictionary<string, object> { ["exists"] = false } };
        }

        foreach (var (key, value) in extra ?? [])
        {
            detail[key] = value;
        }

        return new EventPattern { Source = [source], DetailType = [DetailType], Detail = detail };
    }
}
