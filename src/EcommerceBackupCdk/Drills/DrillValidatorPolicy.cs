using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// The one policy of the restore drill validator's role (<see cref="RestoreDrill.ValidatorPolicy"/>): read restored
/// copies, record validation results and drill reports, manage the drill flow's temporary Aurora instances — and deny
/// every change to data and to databases the drill did not restore.
/// </summary>
internal static class DrillValidatorPolicy
{
    public static PolicyStatement[] Statements(Stack stack, DrillOptions options, IBucket reportBucket, IKey key, IQueue deadLetterQueue, LogGroup logGroup)
    {
        var prefix = DrillValidatorContract.RestoredResourcePrefix;
        var partition = stack.Partition;
        var region = stack.Region;
        var account = stack.Account;
        var reports = reportBucket.ArnForObjects($"{DrillValidatorContract.ReportPrefix}*");
        // The drill flow's temporary Aurora instances: "<restored cluster>-drill" (TemporaryInstance.IdentifierFor).
        var temporaryInstances = $"arn:{partition}:rds:{region}:{account}:db:*{DrillValidatorContract.TemporaryInstanceSuffix}";
        static PolicyStatement Allow(string sid, string[] actions, string[] resources, Dictionary<string, object>? conditions = null) =>
            LambdaStatements.Allow(sid, actions, resources, conditions);

        var statements = new List<PolicyStatement>
        {
            Allow("ReadRestoreJobsRecordValidation", ["backup:DescribeRestoreJob", "backup:PutRestoreValidationResult"], ["*"]),
            Allow("ReadRestoredTables", ["dynamodb:DescribeTable", "dynamodb:Scan"], [$"arn:{partition}:dynamodb:{region}:{account}:table/{prefix}*"]),
            Allow("ListRestoredBuckets", ["s3:ListBucket"], [$"arn:{partition}:s3:::{prefix}*"]),
            Allow("ReadRestoredObjects", ["s3:GetObject"], [$"arn:{partition}:s3:::{prefix}*/*"]),
            // Restored RDS/Aurora copies are not named by a documented prefix; they carry the awsbackup-restore-test tag
            // (AWSServiceRolePolicyForBackupRestoreTesting deletes rds clusters/instances only where
            // "Null": {"aws:ResourceTag/awsbackup-restore-test": "false"}). Reads are allowed on any instance/cluster of
            // the account and region; every change is allowed only on tagged ones (and denied on all others below).
            Allow("DescribeDatabases", ["rds:DescribeDBInstances", "rds:DescribeDBClusters"],
                [$"arn:{partition}:rds:{region}:{account}:db:*", $"arn:{partition}:rds:{region}:{account}:cluster:*"]),
            Allow("ListOrderableInstanceClasses", ["rds:DescribeOrderableDBInstanceOptions"], ["*"]),
            Allow("ChangeOnlyRestoredDatabases", ["rds:ModifyDBCluster", "rds:ModifyDBInstance", "rds:DeleteDBInstance"],
                [$"arn:{partition}:rds:{region}:{account}:db:*", $"arn:{partition}:rds:{region}:{account}:cluster:*"], RestoreTestTag("aws:ResourceTag", present: true)),
            Allow("AddInstancesOnlyToRestoredClusters", ["rds:CreateDBInstance"], [$"arn:{partition}:rds:{region}:{account}:cluster:*"], RestoreTestTag("aws:ResourceTag", present: true)),
            Allow("CreateOnlyTaggedTemporaryInstances", ["rds:CreateDBInstance", "rds:AddTagsToResource"], [temporaryInstances], RestoreTestTag("aws:RequestTag", present: true)),
            Allow("UseGroupsOfTemporaryInstances", ["rds:CreateDBInstance"],
                [$"arn:{partition}:rds:{region}:{account}:subgrp:*", $"arn:{partition}:rds:{region}:{account}:pg:*", $"arn:{partition}:rds:{region}:{account}:og:*", $"arn:{partition}:rds:{region}:{account}:secgrp:*"]),
            Allow("WriteDrillReports", ["s3:PutObject"], [reports]),
            Allow("UseDrillKey", ["kms:GenerateDataKey", "kms:Decrypt"], [key.KeyArn]),
            Allow("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [logGroup.LogGroupArn]),
            Allow("DeadLetterUndeliverableEvents", ["sqs:SendMessage"], [deadLetterQueue.QueueArn]),
        };

        if (options.Network is not null)
        {
            statements.Add(LambdaStatements.ManageOwnNetworkInterfaces());
        }

        var secrets = new[] { options.DatabaseSecret }.Concat(options.Resources.Select(r => r.DatabaseSecret))
            .OfType<Amazon.CDK.AWS.SecretsManager.ISecret>().Distinct().ToList();
        if (secrets.Count > 0)
        {
            statements.Add(Allow("ReadDatabaseCredentials", ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                secrets.Select(s => s.SecretArn).ToArray()));
            // GetSecretValue makes Secrets Manager decrypt the secret's data key with the caller's permissions: "To decrypt
            // an encrypted secret value, Secrets Manager calls the AWS KMS Decrypt operation to decrypt the encrypted data
            // key in the secret" (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html), and
            // the caller needs "kms:Decrypt - required only if you use a customer-created KMS key to encrypt the secret"
            // (GetSecretValue minimum permissions, AWS API reference as mirrored at
            // https://hackage.haskell.org/package/amazonka-secretsmanager-1.6.1/docs/Network-AWS-SecretsManager-GetSecretValue.html).
            var keys = secrets.Select(s => s.EncryptionKey).OfType<IKey>().Distinct().ToList();
            if (keys.Count > 0)
            {
                statements.Add(Allow("DecryptDatabaseCredentials", ["kms:Decrypt"], keys.Select(k => k.KeyArn).ToArray(),
                    new Dictionary<string, object>
                    {
                        ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"secretsmanager.{region}.amazonaws.com" },
                    }));
            }

            // A secret imported by ARN carries no key, and its key may be a customer-managed one: the grant is derived
            // from the secret instead of the key, the way AWS's own AWSSecretsManagerClientReadOnlyAccess policy grants
            // it ("kms:Decrypt" on "arn:aws:kms:*:*:key/*" with "kms:EncryptionContext:SecretARN" and "kms:ViaService":
            // "secretsmanager.*.amazonaws.com",
            // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSSecretsManagerClientReadOnlyAccess.html):
            // any key of the account, but only to decrypt these secrets through Secrets Manager. The key's own policy
            // must still let the account's IAM policies use it (README, drill prerequisites).
            var withoutKey = secrets.Where(s => s.EncryptionKey is null).ToList();
            if (withoutKey.Count > 0)
            {
                statements.Add(Allow("DecryptImportedDatabaseCredentials", ["kms:Decrypt"], [$"arn:{partition}:kms:{region}:{account}:key/*"],
                    new Dictionary<string, object>
                    {
                        ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"secretsmanager.{region}.amazonaws.com" },
                        ["StringLike"] = new Dictionary<string, object>
                        {
                            ["kms:EncryptionContext:SecretARN"] = withoutKey.Select(SecretArnPattern).Distinct().ToArray(),
                        },
                    }));
            }
        }

        if (options.ResourceTypes.Contains(DrillResourceType.S3))
        {
            // Restored objects may stay under a customer-managed key, and AWS Backup does not document which key a
            // restore into a new bucket uses (S3 backups are encrypted "independently" with the vault's key, "Your IAM
            // role must have access to the KMS key being used to back up and restore the object",
            // https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html). Reading an SSE-KMS object needs
            // kms:Decrypt on its key, so the validator may decrypt with any key of the account, but only through S3
            // (kms:ViaService, https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html) — and S3
            // reads are allowed only on restored buckets (ReadRestoredObjects), so only restored objects are readable.
            statements.Add(Allow("DecryptRestoredObjects", ["kms:Decrypt"], [$"arn:{partition}:kms:{region}:{account}:key/*"],
                new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"s3.{region}.amazonaws.com" },
                }));
        }

        // Whatever is granted elsewhere, this role can change no database the drill did not restore. Creating the
        // temporary instance is the one change to a resource that does not exist yet, so it carries no resource tag:
        // CreateDBInstance and tagging are denied on untagged clusters (adding an instance to production) and on every
        // instance that is not named like a temporary one (tagging production to pass the tag condition), not on the
        // new instance itself (DenyUntaggedNewInstances demands its tag in the request).
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyChangesToDatabasesNotRestored",
            Effect = Effect.DENY,
            Actions = ["rds:Delete*", "rds:Modify*", "rds:Stop*", "rds:Reboot*", "rds:Failover*", "rds:RemoveTagsFromResource"],
            Resources = [$"arn:{partition}:rds:{region}:{account}:db:*", $"arn:{partition}:rds:{region}:{account}:cluster:*"],
            Conditions = RestoreTestTag("aws:ResourceTag", present: false),
        }));
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyInstancesInClustersNotRestored",
            Effect = Effect.DENY,
            Actions = ["rds:CreateDBInstance", "rds:AddTagsToResource"],
            Resources = [$"arn:{partition}:rds:{region}:{account}:cluster:*"],
            Conditions = RestoreTestTag("aws:ResourceTag", present: false),
        }));
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyTaggingOtherInstances",
            Effect = Effect.DENY,
            Actions = ["rds:AddTagsToResource"],
            NotResources = [temporaryInstances, $"arn:{partition}:rds:{region}:{account}:cluster:*"],
            Conditions = RestoreTestTag("aws:ResourceTag", present: false),
        }));
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyUntaggedNewInstances",
            Effect = Effect.DENY,
            Actions = ["rds:CreateDBInstance"],
            Resources = [$"arn:{partition}:rds:{region}:{account}:db:*"],
            Conditions = RestoreTestTag("aws:RequestTag", present: false),
        }));

        // Belt and braces: whatever is granted elsewhere, this role can never change or delete data.
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyAnyDataChange",
            Effect = Effect.DENY,
            Actions = DestructiveActions,
            Resources = ["*"],
        }));
        statements.Add(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyWritesOutsideDrillReports",
            Effect = Effect.DENY,
            Actions = ["s3:PutObject*", "s3:RestoreObject", "s3:ReplicateObject"],
            NotResources = [reports],
        }));
        return [.. statements];
    }

    // The SecretARN encryption context holds the secret's complete ARN: "The ARN includes the name of the secret followed
    // by six random characters" (CreateSecret response, https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/secretsmanager/aws.sdk.kotlin.services.secretsmanager.model/-create-secret-response/arn.html);
    // a secret known only by a partial ARN matches through the "-??????" wildcard.
    private static string SecretArnPattern(Amazon.CDK.AWS.SecretsManager.ISecret secret) =>
        secret.SecretFullArn ?? $"{secret.SecretArn}-??????";

    // {"Null": {"<key>/awsbackup-restore-test": "false"}} when the tag must be present, "true" when absent.
    private static Dictionary<string, object> RestoreTestTag(string key, bool present) => new()
    {
        ["Null"] = new Dictionary<string, object> { [$"{key}/{DrillValidatorContract.RestoreTestTagKey}"] = present ? "false" : "true" },
    };

    /// <summary>Actions the validator role is explicitly denied on every resource.</summary>
    public static readonly string[] DestructiveActions =
    [
        "dynamodb:DeleteItem", "dynamodb:DeleteTable", "dynamodb:DeleteBackup", "dynamodb:PutItem", "dynamodb:UpdateItem",
        "dynamodb:BatchWriteItem", "dynamodb:PartiQLDelete", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate",
        "dynamodb:UpdateTable", "dynamodb:UpdateContinuousBackups", "dynamodb:RestoreTable*",
        "s3:DeleteObject*", "s3:DeleteBucket*", "s3:PutBucket*", "s3:PutLifecycleConfiguration", "s3:PutObjectAcl",
        "s3:PutObjectRetention", "s3:PutObjectLegalHold", "s3:BypassGovernanceRetention",
        "rds:Restore*", "rds:CreateDBCluster*", "rds:CreateDBSnapshot", "rds:CreateDBInstanceReadReplica", "rds:CreateGlobalCluster",
        "rds:CreateBlueGreenDeployment", "rds:DeleteDBCluster*", "rds:DeleteDBSnapshot", "rds:DeleteGlobalCluster", "rds:ModifyDBSnapshot*",
        "rds:ModifyDBClusterSnapshotAttribute",
        "backup:Delete*", "backup:Update*", "backup:Start*", "backup:Stop*", "backup:PutBackupVault*",
        "backup:DisassociateRecoveryPoint*", "backup:CreateBackupVault*",
        "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret*", "secretsmanager:DeleteSecret", "secretsmanager:RotateSecret",
        "kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy",
    ];
}
