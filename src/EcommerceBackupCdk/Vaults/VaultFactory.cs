using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using Constructs;

namespace EcommerceBackupCdk.Vaults;

/// <summary>Builds a locked, encrypted vault; shared by <see cref="PrimaryBackupVault"/> and <see cref="RecoveryVault"/>.</summary>
internal static class VaultFactory
{
    public static (BackupVault Vault, IKey Key, TimeSpan LockMin, TimeSpan LockMax) Create(
        Construct scope, BackupVaultSettings settings, VaultRole role, IReadOnlyList<string> copyAccounts, PolicyDocument accessPolicy)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var name = VaultNames.For(settings.StoreName, role);
        var problems = new ValidationProblems();
        if (settings.WrittenRetentions.Count == 0)
        {
            problems.Add("writtenRetentions", "is empty; a vault nothing writes into needs no lock limits", 0, "1 or more retentions");
        }

        var written = settings.WrittenRetentions.Select((r, i) => ($"writtenRetentions[{i}]", r)).ToList();
        var (min, max) = VaultLockLimits.Of(settings.Lock, written);
        foreach (var (writtenKey, retention) in written)
        {
            if (retention < min || retention > max)
            {
                problems.Add(writtenKey, "is outside the vault lock's retention range; AWS Backup would fail the job", retention,
                    $"{DurationText.Format(min)} to {DurationText.Format(max)}");
            }
        }

        if (settings.Lock.Mode == VaultLockMode.Compliance && !settings.Lock.AcknowledgeComplianceModeIsIrreversible)
        {
            problems.Add("lock.acknowledgeComplianceModeIsIrreversible", "compliance mode cannot be undone after the grace time; acknowledge it explicitly", false, "true");
        }

        foreach (var e in settings.NotificationEvents.Where(e => !VaultEvents.Supported.Contains(e)))
        {
            problems.Add("notificationEvents", "is not an event AWS Backup still sends", e, string.Join(", ", VaultEvents.Supported));
        }

        problems.ThrowIfAny($"{role} vault '{name}'");

        var key = new BackupKey(scope, "Key", new BackupKeyProps
        {
            Alias = PhysicalNames.VaultKeyAlias(name),
            Description = $"Encrypts recovery points in backup vault {name} of store {settings.StoreName}.",
            CopyAccounts = copyAccounts,
        }).Key;

        var vault = new BackupVault(scope, "Resource", new BackupVaultProps
        {
            BackupVaultName = name,
            EncryptionKey = key,
            AccessPolicy = accessPolicy,
            // Our own deny below replaces the L2's BlockRecoveryPointDeletion, which leaves out PutBackupVaultAccessPolicy.
            BlockRecoveryPointDeletion = false,
            // A failed first deploy deletes the (empty) vault, so a retry can create the named vault again; once
            // created it is retained on delete and replacement. Checked by Rules/NamedResourceRetainExceptOnCreate.
            RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
            LockConfiguration = new LockConfiguration
            {
                MinRetention = Duration.Days(min.TotalDays),
                MaxRetention = Duration.Days(max.TotalDays),
                ChangeableFor = settings.Lock.Mode == VaultLockMode.Compliance ? Duration.Days((settings.Lock.ChangeableFor ?? VaultLockOptions.DefaultChangeableFor).TotalDays) : null,
            },
        });
        accessPolicy.AddStatements(ManualDeletionDeny(scope, settings.ExemptPrincipals));

        // Set on the L1 rather than through the L2's NotificationTopic, which would also add an unconditioned
        // publish grant for backup.amazonaws.com to the topic policy; BackupTopic's own policy already allows AWS
        // Backup of this account only (aws:SourceAccount), which closes the confused-deputy hole.
        if (settings.NotificationTopic is { } topic)
        {
            ((CfnBackupVault)vault.Node.DefaultChild!).Notifications = new CfnBackupVault.NotificationObjectTypeProperty
            {
                SnsTopicArn = topic.TopicArn,
                BackupVaultEvents = settings.NotificationEvents.ToArray(),
            };
        }

        return (vault, key, min, max);
    }

    /// <summary>
    /// The deny the AWS Config rule BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED looks for: "The rule is
    /// NON_COMPLIANT if the Backup Vault does not have resource-based policies or has policies without a suitable
    /// 'Deny' statement (statement with backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle, and
    /// backup:PutBackupVaultAccessPolicy permissions)", and "The rule requires that the "Resource" and "Principal" of
    /// the Deny statement must have a wildcard in the vault access policy."
    /// (https://docs.aws.amazon.com/config/latest/developerguide/backup-recovery-point-manual-deletion-disabled.html).
    /// The CloudFormation execution role and the break-glass principals are exempted by condition, so stack updates
    /// can still write the policy. Checked by Rules/VaultManualDeletionDeny.
    /// </summary>
    internal static PolicyStatement ManualDeletionDeny(Construct scope, IReadOnlyList<string> exemptPrincipals)
    {
        var exempt = new List<string>();
        if (Stack.Of(scope).Synthesizer is DefaultStackSynthesizer synthesizer)
        {
            // The synthesizer's ARN carries ${AWS::Partition} (and ${AWS::AccountId}/${AWS::Region} when the stack has no env).
            exempt.Add(Fn.Sub(synthesizer.CloudFormationExecutionRoleArn));
        }

        exempt.AddRange(exemptPrincipals);
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyManualDeletionAndPolicyChanges",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = [.. ManualDeletionActions],
            Resources = ["*"],
        });
        if (exempt.Count > 0)
        {
            statement.AddCondition("ArnNotLike", new Dictionary<string, object> { ["aws:PrincipalArn"] = exempt.ToArray() });
        }

        return statement;
    }

    /// <summary>The three actions the manual-deletion deny must cover.</summary>
    internal static readonly IReadOnlyList<string> ManualDeletionActions =
        ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"];
}
