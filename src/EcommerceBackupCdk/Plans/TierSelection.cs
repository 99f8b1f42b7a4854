using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.IAM;
using EcommerceBackupCdk.Tiers;
using Constructs;

namespace EcommerceBackupCdk.Plans;

/// <summary>
/// The tag selection of one tier (or of one resource family in it): every resource whose <see cref="TagContract.TierKey"/>
/// tag equals the tier AND whose <see cref="TagContract.ExcludeKey"/> tag is not <c>true</c>, AND whose ARN matches the
/// family's patterns (or, for the tier's own plan, matches none of the patterns that have a plan of their own). CDK
/// 2.160's <see cref="BackupSelection"/> cannot express conditions or NotResources, so this is the one place that
/// overrides them. "When you specify more than one condition, you only assign the resources that match ALL conditions
/// (using AND logic)." and "NotResources: A list of Amazon Resource Names (ARNs) to exclude from a backup plan."
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupselection-backupselectionresourcetype.html).
/// </summary>
internal static class TierSelection
{
    public static BackupSelection Create(Construct scope, string id, IBackupPlan plan, IRole role, string selectionName, TierName tier,
        IReadOnlyList<string> resources, IReadOnlyList<string> notResources)
    {
        var selection = new BackupSelection(scope, id, new BackupSelectionProps
        {
            BackupPlan = plan,
            BackupSelectionName = selectionName,
            Role = role,
            Resources = [.. resources.Select(BackupResource.FromArn)],
        });

        var cfn = (CfnBackupSelection)selection.Node.DefaultChild!;
        cfn.AddPropertyOverride("BackupSelection.Conditions", new Dictionary<string, object>
        {
            ["StringEquals"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["ConditionKey"] = $"aws:ResourceTag/{TagContract.TierKey}",
                    ["ConditionValue"] = tier.TagValue(),
                },
            },
            ["StringNotEquals"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["ConditionKey"] = $"aws:ResourceTag/{TagContract.ExcludeKey}",
                    ["ConditionValue"] = TagContract.ExcludeValue,
                },
            },
        });
        if (notResources.Count > 0)
        {
            cfn.AddPropertyOverride("BackupSelection.NotResources", notResources.ToArray());
        }

        return selection;
    }
}
