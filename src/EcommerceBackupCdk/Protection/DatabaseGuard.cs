using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.RDS;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// RDS DB instances and Aurora clusters: automated-backup retention at least the tier's PITR window, deletion
/// protection, tags copied to snapshots (AWS Backup's copies and restores keep the tier tag), and — when the tier
/// copies to another account — storage encrypted with a customer-managed key: AWS cannot share or copy a snapshot
/// encrypted with the default <c>aws/rds</c> key across accounts — shared with the DR account (<see cref="KeySharing"/>).
/// Encryption is verified even in enforce mode:
/// CloudFormation replaces a database to change it, which an aspect must never do behind the user's back.
/// </summary>
internal sealed class DatabaseGuard : IResourceGuard
{
    /// <summary>CloudFormation's retention when <c>BackupRetentionPeriod</c> is not set.</summary>
    private const int DefaultRetentionDays = 1;

    public bool AppliesTo(CfnResource resource) => resource is CfnDBCluster or CfnDBInstance;

    public void Enforce(CfnResource resource, TierProtection tier)
    {
        var (retention, deletion, copyTags, _, _) = Read(resource);
        var raise = !Resolved.IsUnknown(retention) && (Resolved.Number(retention) ?? DefaultRetentionDays) < tier.PointInTimeRecoveryDays;
        var protect = !Resolved.IsUnknown(deletion) && Resolved.Bool(deletion) != true;
        var copy = !Resolved.IsUnknown(copyTags) && Resolved.Bool(copyTags) != true;
        switch (resource)
        {
            case CfnDBCluster cluster:
                if (raise) cluster.BackupRetentionPeriod = tier.PointInTimeRecoveryDays;
                if (protect) cluster.DeletionProtection = true;
                if (copy) cluster.CopyTagsToSnapshot = true;
                break;
            case CfnDBInstance instance:
                if (raise) instance.BackupRetentionPeriod = tier.PointInTimeRecoveryDays;
                if (protect) instance.DeletionProtection = true;
                if (copy) instance.CopyTagsToSnapshot = true;
                break;
        }

        KeySharing.Enforce(resource, RawKey(resource), tier);
    }

    public void Verify(CfnResource resource, TierProtection tier, ValidationProblems problems)
    {
        var (retention, deletion, copyTags, encrypted, key) = Read(resource);
        if (!Resolved.IsUnknown(retention) && (Resolved.Number(retention) ?? DefaultRetentionDays) < tier.PointInTimeRecoveryDays)
        {
            problems.Add("BackupRetentionPeriod", "automated backups are kept shorter than the tier's PITR window",
                Resolved.Number(retention) is { } days ? days.ToString(CultureInfo.InvariantCulture) : $"{DefaultRetentionDays} (not set)",
                string.Create(CultureInfo.InvariantCulture, $"at least {tier.PointInTimeRecoveryDays} ({Guards.Of(tier)})"));
        }

        if (!Resolved.IsUnknown(deletion) && Resolved.Bool(deletion) != true)
        {
            problems.Add("DeletionProtection", "deletion protection is off", Guards.Show(Resolved.Bool(deletion)), "true");
        }

        if (!Resolved.IsUnknown(copyTags) && Resolved.Bool(copyTags) != true)
        {
            problems.Add("CopyTagsToSnapshot", "snapshots would lose the tier and store tags", Guards.Show(Resolved.Bool(copyTags)), "true");
        }

        if (!tier.CopiesToAnotherAccount)
        {
            return;
        }

        // An Aurora member instance is never checked (StatefulResources skips it); a cluster with a KMS key is encrypted.
        var hasKey = key is not null;
        if (!Resolved.IsUnknown(encrypted) && Resolved.Bool(encrypted) != true && !hasKey)
        {
            problems.Add("StorageEncrypted", "storage is not encrypted, but the tier copies backups to another account; not enforced because changing it replaces the database",
                Guards.Show(Resolved.Bool(encrypted)), $"true with a customer-managed KmsKeyId ({Guards.Of(tier)})");
        }
        else if (!hasKey || key is string literal && literal.Contains("alias/aws/", StringComparison.Ordinal))
        {
            problems.Add("KmsKeyId", "storage uses the AWS-managed aws/rds key, whose snapshots AWS cannot copy to another account; not enforced because changing it replaces the database",
                Guards.Show(key is string s ? s : null), $"a customer-managed KMS key ({Guards.Of(tier)} copies to the DR account)");
        }

        KeySharing.Verify(resource, RawKey(resource), tier, problems);
    }

    private static string? RawKey(CfnResource resource) => resource switch
    {
        CfnDBCluster c => c.KmsKeyId,
        CfnDBInstance i => i.KmsKeyId,
        _ => null,
    };

    private static (object? Retention, object? Deletion, object? CopyTags, object? Encrypted, object? Key) Read(CfnResource resource) => resource switch
    {
        CfnDBCluster c => (Resolved.Of(c, c.BackupRetentionPeriod), Resolved.Of(c, c.DeletionProtection), Resolved.Of(c, c.CopyTagsToSnapshot),
            Resolved.Of(c, c.StorageEncrypted), Resolved.Of(c, c.KmsKeyId)),
        CfnDBInstance i => (Resolved.Of(i, i.BackupRetentionPeriod), Resolved.Of(i, i.DeletionProtection), Resolved.Of(i, i.CopyTagsToSnapshot),
            Resolved.Of(i, i.StorageEncrypted), Resolved.Of(i, i.KmsKeyId)),
        _ => throw new ArgumentException("not a database", nameof(resource)),
    };
}
