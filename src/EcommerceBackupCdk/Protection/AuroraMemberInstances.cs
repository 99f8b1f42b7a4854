using Amazon.CDK;
using Amazon.CDK.AWS.RDS;
using Amazon.JSII.Runtime.Deputy;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;
using Constructs;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// Keeps the DB instances of an Aurora cluster out of the tier selections. A tier tag put on the cluster with
/// <c>Tags.Of(cluster)</c> reaches its instances too, and the tier selection (every resource with the tier tag) would
/// then start a backup job for each instance as well. Those jobs fail: an Aurora member cannot be snapshotted on its
/// own — RDS answers CreateDBSnapshot on one with "The specified instance is a member of a cluster and a snapshot
/// cannot be created directly. Please use the CreateDBClusterSnapshot API instead."
/// (https://github.com/cevoaustralia/aws-backup-lambda/issues/5, https://github.com/cloud-custodian/cloud-custodian/issues/313),
/// and Aurora backs up at cluster level: "Amazon RDS creates a storage volume snapshot of your DB cluster, backing up
/// the entire DB cluster and not just individual databases."
/// (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_CreateSnapshotCluster). aws-cdk's own
/// <c>BackupableResourcesCollector</c> skips a <c>CfnDBInstance</c> with a <c>dbClusterIdentifier</c> for the same reason.
/// In enforce mode the instance gets the exclusion tag (the tier selections' <c>StringNotEquals</c> condition skips it);
/// in verify mode a tier-tagged member without it is a finding.
/// </summary>
internal static class AuroraMemberInstances
{
    public const string ExclusionReason = "Aurora cluster member: AWS Backup backs up its DB cluster, an instance of a cluster cannot be snapshotted on its own";

    /// <summary>Whether the construct is a DB instance of a cluster.</summary>
    public static bool IsMember(IConstruct? node) => node is CfnDBInstance { DbClusterIdentifier: not null };

    /// <summary>Tags the member excluded, at a priority no <c>Tags.Of</c> default overrides.</summary>
    public static void Exclude(CfnDBInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        instance.Tags.SetTag(TagContract.ExcludeKey, TagContract.ExcludeValue, 1000, true);
        instance.Tags.SetTag(TagContract.ExclusionReasonKey, ExclusionReason, 1000, true);
    }

    /// <summary>The verify-mode check of one member instance.</summary>
    internal sealed class Check(CfnDBInstance instance) : DeputyBase, IValidation
    {
        public string[] Validate()
        {
            var tags = ResourceTags.Of(instance);
            if (!tags.ContainsKey(TagContract.TierKey) || (tags.TryGetValue(TagContract.ExcludeKey, out var excluded) && excluded == TagContract.ExcludeValue))
            {
                return [];
            }

            var problems = new ValidationProblems();
            problems.Add(TagContract.TierKey,
                "an Aurora cluster member carries the tier tag, so the tier selection starts a backup job for the instance, which fails (the cluster is what AWS Backup backs up)",
                tags[TagContract.TierKey], $"the instance tagged {TagContract.ExcludeKey}={TagContract.ExcludeValue}, or the tier tag on the cluster only");
            return problems.All.Select(p => $"{instance.CfnResourceType} {p}").ToArray();
        }
    }
}
