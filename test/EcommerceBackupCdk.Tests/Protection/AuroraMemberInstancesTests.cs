using Amazon.CDK;
using Amazon.CDK.AWS.RDS;
using Constructs;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tiers;
using static EcommerceBackupCdk.Tests.Protection.ProtectionTestStacks;

namespace EcommerceBackupCdk.Tests.Protection;

/// <summary>
/// A tier tag on an Aurora cluster's construct reaches its DB instances; the tier selection must still not pick the
/// instances, whose own backup jobs would fail (sources in <see cref="AuroraMemberInstances"/>).
/// </summary>
public sealed class AuroraMemberInstancesTests
{
    // Like the L2 DatabaseCluster: cluster and writer under one construct, tagged through it.
    private static (CfnDBCluster Cluster, CfnDBInstance Writer) Orders(Stack stack)
    {
        var orders = new Construct(stack, "Orders");
        var cluster = new CfnDBCluster(orders, "Resource", new CfnDBClusterProps
        {
            Engine = "aurora-mysql",
            MasterUsername = "admin",
            ManageMasterUserPassword = true,
            BackupRetentionPeriod = 35,
            DeletionProtection = true,
            CopyTagsToSnapshot = true,
        });
        var writer = new CfnDBInstance(orders, "Writer", new CfnDBInstanceProps { Engine = "aurora-mysql", DbInstanceClass = "db.t4g.medium", DbClusterIdentifier = cluster.Ref });
        Tier(orders, TierName.Standard);
        return (cluster, writer);
    }

    private static Dictionary<string, string> TagsOf(Stack stack, string type) =>
        ProtectionTestStacks.Properties(stack, type)["Tags"]!.AsArray()
            .ToDictionary(t => t!["Key"]!.GetValue<string>(), t => t!["Value"]!.GetValue<string>());

    [Fact]
    public void Enforce_TierTaggedClusterMember_IsExcludedFromTheTierSelectionAndTheClusterIsNot()
    {
        var stack = Stack(ProtectionMode.Enforce);
        Orders(stack);

        var writer = TagsOf(stack, "AWS::RDS::DBInstance");
        var cluster = TagsOf(stack, "AWS::RDS::DBCluster");

        writer.Should().Contain(TagContract.ExcludeKey, TagContract.ExcludeValue)
            .And.Contain(TagContract.ExclusionReasonKey, AuroraMemberInstances.ExclusionReason);
        cluster.Should().Contain(TagContract.TierKey, "standard").And.NotContainKey(TagContract.ExcludeKey);
    }

    [Fact]
    public void Verify_TierTaggedClusterMember_IsAFinding()
    {
        var stack = Stack(ProtectionMode.Verify);
        Orders(stack);

        SynthError(stack).Should().Contain(
            "[Test/Orders/Writer] AWS::RDS::DBInstance ecommerce-backup:tier: an Aurora cluster member carries the tier tag, so the tier selection starts a backup job for the instance, which fails (the cluster is what AWS Backup backs up) (got 'standard', allowed the instance tagged ecommerce-backup:exclude=true, or the tier tag on the cluster only)");
    }

    [Fact]
    public void Verify_ClusterMemberTaggedExcluded_IsNoFinding()
    {
        var stack = Stack(ProtectionMode.Verify);
        var (_, writer) = Orders(stack);
        Amazon.CDK.Tags.Of(writer).Add(TagContract.ExcludeKey, TagContract.ExcludeValue);

        SynthError(stack).Should().BeNull();
    }
}
