using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.IAM;
using EcommerceBackupCdk.Tiers;
using Constructs;

namespace EcommerceBackupCdk.Plans;

/// <summary>
/// The tag selection of one tier: every resource whose <see cref="TagContract.TierKey"/> tag equals the tier AND
/// whose <see cref="TagContract.ExcludeKey"/> tag is not <c>true</c>. CDK 2.160's <see cref="BackupSelection"/>
/// cannot express AND/NOT conditions, so this is the one place that overrides its <c>Conditions</c>.
/// </summary>
internal static class TierSelection
{
    public static BackupSelection Create(Construct scope, string id, IBackupPlan plan, IRole role, string storeName, TierName tier)
    {
        var selection = new BackupSelection(scope, id, new BackupSelectionProps
        {
            BackupPlan = plan,
            BackupSelectionName = $"{storeName}-{tier.TagValue()}-by-tag",
            Role = role,
            Resources = [BackupResource.FromArn("*")],
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
        return selection;
    }
}
