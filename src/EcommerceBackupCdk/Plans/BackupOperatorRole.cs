using Amazon.CDK.AWS.IAM;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Topology;
using Constructs;

namespace EcommerceBackupCdk.Plans;

/// <summary>
/// The role operators pass to AWS Backup for on-demand backups and restores (the runbooks name it). Assumable only
/// by AWS Backup of this account; carries AWS Backup's service-role policies for backup and restore.
/// </summary>
public sealed class BackupOperatorRole : Construct
{
    /// <summary>The role name for a store.</summary>
    public static string NameFor(string storeName) => new PhysicalNames(storeName).OperatorRole;

    /// <summary>Creates the role.</summary>
    public BackupOperatorRole(Construct scope, string id, BackupOperatorRoleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Role = new Role(this, "Resource", new RoleProps
        {
            RoleName = NameFor(props.StoreName),
            Description = $"Passed to AWS Backup by operators of {props.StoreName} for on-demand backups and restores (see runbooks).",
            AssumedBy = new ServicePrincipal("backup.amazonaws.com", new ServicePrincipalOpts
            {
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Amazon.CDK.Aws.ACCOUNT_ID },
                },
            }),
            ManagedPolicies =
            [
                ManagedPolicy.FromAwsManagedPolicyName("service-role/AWSBackupServiceRolePolicyForBackup"),
                ManagedPolicy.FromAwsManagedPolicyName("service-role/AWSBackupServiceRolePolicyForRestores"),
                ManagedPolicy.FromAwsManagedPolicyName("AWSBackupServiceRolePolicyForS3Backup"),
                ManagedPolicy.FromAwsManagedPolicyName("AWSBackupServiceRolePolicyForS3Restore"),
            ],
        });
        NagSuppressions.Add(Role,
            ("AwsSolutions-IAM4", "AWS Backup's documented service-role policies for backup and restore cover every resource type a runbook may restore; AWS maintains them as types are added. The role is assumable only by AWS Backup of this account."));
    }

    /// <summary>The role.</summary>
    public IRole Role { get; }
}
