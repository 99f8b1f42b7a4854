using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// EBS volumes: retained or snapshotted when deleted, and — when the tier copies to another account — encrypted with
/// a customer-managed key (snapshots under the default <c>aws/ebs</c> key cannot be shared). Encryption is verified
/// only: changing it replaces the volume.
/// </summary>
internal sealed class EbsGuard : IResourceGuard
{
    public bool AppliesTo(CfnResource resource) => resource is CfnVolume;

    public void Enforce(CfnResource resource, TierProtection tier)
    {
        if (!EfsGuard.Retained(resource))
        {
            resource.ApplyRemovalPolicy(RemovalPolicy.SNAPSHOT);
        }

        KeySharing.Enforce(resource, ((CfnVolume)resource).KmsKeyId, tier);
    }

    public void Verify(CfnResource resource, TierProtection tier, ValidationProblems problems)
    {
        var volume = (CfnVolume)resource;
        if (!EfsGuard.Retained(resource))
        {
            problems.Add("DeletionPolicy", "the volume would be deleted with the stack without a snapshot", Guards.Show(resource.CfnOptions.DeletionPolicy?.ToString()), "'Snapshot' or 'Retain'");
        }

        if (!tier.CopiesToAnotherAccount)
        {
            return;
        }

        var encrypted = Resolved.Of(volume, volume.Encrypted);
        var key = Resolved.Of(volume, volume.KmsKeyId);
        if (!Resolved.IsUnknown(encrypted) && Resolved.Bool(encrypted) != true)
        {
            problems.Add("Encrypted", "the volume is not encrypted, but the tier copies backups to another account; not enforced because changing it replaces the volume",
                Guards.Show(Resolved.Bool(encrypted)), $"true with a customer-managed KmsKeyId ({Guards.Of(tier)})");
        }
        else if (key is null || key is string literal && literal.Contains("alias/aws/", StringComparison.Ordinal))
        {
            problems.Add("KmsKeyId", "the volume uses the AWS-managed aws/ebs key, whose snapshots cannot be copied to another account; not enforced because changing it replaces the volume",
                Guards.Show(key as string), $"a customer-managed KMS key ({Guards.Of(tier)} copies to the DR account)");
        }

        KeySharing.Verify(resource, volume.KmsKeyId, tier, problems);
    }
}
