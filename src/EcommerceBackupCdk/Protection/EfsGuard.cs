using Amazon.CDK;
using Amazon.CDK.AWS.EFS;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// EFS file systems: retained when the stack or the resource is deleted (EFS has no deletion-protection flag, so the
/// CloudFormation deletion policy is the guard). AWS Backup re-encrypts EFS recovery points with the vault key, so
/// cross-account copies need nothing of the file system.
/// </summary>
internal sealed class EfsGuard : IResourceGuard
{
    public bool AppliesTo(CfnResource resource) => resource is CfnFileSystem;

    public void Enforce(CfnResource resource, TierProtection tier)
    {
        if (!Retained(resource))
        {
            resource.ApplyRemovalPolicy(RemovalPolicy.RETAIN);
        }
    }

    public void Verify(CfnResource resource, TierProtection tier, ValidationProblems problems)
    {
        if (!Retained(resource))
        {
            problems.Add("DeletionPolicy", "the file system would be deleted with the stack", Guards.Show(resource.CfnOptions.DeletionPolicy?.ToString()), "'Retain'");
        }
    }

    internal static bool Retained(CfnResource resource) =>
        resource.CfnOptions.DeletionPolicy is CfnDeletionPolicy.RETAIN or CfnDeletionPolicy.SNAPSHOT or CfnDeletionPolicy.RETAIN_EXCEPT_ON_CREATE;
}
