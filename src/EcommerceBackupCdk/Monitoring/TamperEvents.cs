using Amazon.CDK.AWS.Events;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// The CloudTrail management events that weaken the backups, as EventBridge patterns, and the message that names who did
/// what. "All events that are delivered by CloudTrail have AWS API Call via CloudTrail as the value for detail-type. To
/// record events with a detail-type value of AWS API Call via CloudTrail, a CloudTrail trail with logging enabled is
/// required." — https://docs.aws.amazon.com/eventbridge/latest/userguide/event-types.html. Pattern form
/// (<c>source</c> = <c>aws.&lt;service&gt;</c>, <c>detail.eventSource</c>, <c>detail.eventName</c>) —
/// https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-backup.html.
/// <para>
/// Denied attempts: CloudTrail records a request that fails with its error — "errorCode: The AWS service error if the
/// request returns an error." "errorMessage: If the request returns an error, the description of the error. This message
/// includes messages for authorization failures."
/// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html) — and the
/// only CloudTrail events EventBridge leaves out are read-only ones: "Events from API actions that start with the keywords
/// List, Get, or Describe aren't processed by EventBridge" (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-ct-api-tutorial.html).
/// No AWS page says in so many words that an AccessDenied record reaches EventBridge; the patterns therefore never
/// require <c>errorCode</c> to be absent unless <see cref="TamperAlertOptions.IncludeDeniedAttempts"/> is off, so a denied
/// attempt alerts whenever it is delivered, and the alert prints <c>errorCode</c> either way.
/// </para>
/// <para>
/// Request fields: CloudTrail writes the API request's members under <c>requestParameters</c> in lower camel case, nested
/// as in the request — DynamoDB UpdateTable: <c>"requestParameters": { "provisionedThroughput": { "writeCapacityUnits": 25,
/// "readCapacityUnits": 25 } }</c> (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/understanding-ddb-log-entries.html);
/// KMS DisableKey: <c>"requestParameters": { "keyId": "1234abcd-12ab-34cd-56ef-1234567890ab" }</c>
/// (https://docs.aws.amazon.com/kms/latest/developerguide/ct-disablekey.html). S3 is the exception: it records the XML
/// body under its element names (see the versioning rule). The AWS Backup rules match on <c>eventName</c> alone, so no
/// request field of theirs is relied on.
/// </para>
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
            // https://docs.aws.amazon.com/kms/latest/developerguide/ct-schedule-key-deletion.html; DisableKey likewise,
            // https://docs.aws.amazon.com/kms/latest/developerguide/ct-disablekey.html), so the pattern lists both forms of
            // each vault key. The key ARN that KMS adds under responseElements.keyId ("CloudTrail log entries for this
            // operation recorded on or after December 2022 include the key ARN of the affected KMS key in the
            // responseElements.keyId value", same page) is not used: a denied call has no response.
            actions.Add(new TamperAction("vault-key", "scheduled the deletion of, or disabled, a vault's KMS key",
                Pattern("aws.kms", "kms.amazonaws.com", ["ScheduleKeyDeletion", "DisableKey"], includeDenied, new Dictionary<string, object>
                {
                    ["requestParameters"] = new Dictionary<string, object> { ["keyId"] = vaultKeyArns.ToArray() },
                })));
        }

        actions.Add(new TamperAction("trail", "stopped or deleted a CloudTrail trail (the tamper alerts depend on one)",
            Pattern("aws.cloudtrail", "cloudtrail.amazonaws.com", ["StopLogging", "DeleteTrail"], includeDenied, null)));

        // UpdateContinuousBackups' request member PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled
        // (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateContinuousBackups.html), lower-camel-cased
        // and nested the way DynamoDB's CloudTrail entries are (class remarks). No AWS page shows an
        // UpdateContinuousBackups entry; the field path is derived from that rule, not copied from a sample.
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
        // S3 keeps the body's XML element names in CloudTrail ("requestParameters": {"bucketName": ..., "VersioningConfiguration":
        // {"Status": "Enabled", "xmlns": "http://s3.amazonaws.com/doc/2006-03-01/"}}, recorded entries used by detection
        // rule packs, e.g. Splunk's "AWS Disable Bucket Versioning": "PutBucketVersioning events with the
        // VersioningConfiguration.Status set to Suspended"); no AWS page shows the entry.
        actions.Add(new TamperAction("s3-versioning", "suspended versioning on an S3 bucket",
            Pattern("aws.s3", "s3.amazonaws.com", ["PutBucketVersioning"], includeDenied, new Dictionary<string, object>
            {
                ["requestParameters"] = new Dictionary<string, object>
                {
                    ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = SuspendedStatus },
                },
            })));

        // ModifyDBInstance / ModifyDBCluster BackupRetentionPeriod (lower-camel-cased under requestParameters, as RDS entries
        // are: "requestParameters": {"dBInstanceIdentifier": ...}), matched below the guard-rail minimum. "Numeric matching
        // works with values that are JSON numbers"
        // (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html#filtering-numeric-matching),
        // and no AWS page shows whether RDS (a Query-protocol API whose parameters arrive as strings) records the value as a
        // number or a string, so the pattern matches both: numerically, and each lower value as a string.
        var lowered = new List<object> { new Dictionary<string, object> { ["numeric"] = new object[] { "<", minimumDbRetentionDays } } };
        lowered.AddRange(Enumerable.Range(0, Math.Max(0, minimumDbRetentionDays)).Select(d => (object)d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        actions.Add(new TamperAction("rds-retention", $"lowered the backup retention of an RDS or Aurora database below {minimumDbRetentionDays} days",
            Pattern("aws.rds", "rds.amazonaws.com", ["ModifyDBInstance", "ModifyDBCluster"], includeDenied, new Dictionary<string, object>
            {
                ["requestParameters"] = new Dictionary<string, object>
                {
                    ["backupRetentionPeriod"] = lowered.ToArray(),
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
