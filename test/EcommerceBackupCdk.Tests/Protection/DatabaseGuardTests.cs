using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.RDS;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tiers;
using static EcommerceBackupCdk.Tests.Protection.ProtectionTestStacks;

namespace EcommerceBackupCdk.Tests.Protection;

public sealed class DatabaseGuardTests
{
    private static CfnDBCluster Cluster(Stack stack, double? retention = null, bool compliant = false, Key? key = null)
    {
        var cluster = new CfnDBCluster(stack, "Orders", new CfnDBClusterProps
        {
            Engine = "aurora-mysql",
            MasterUsername = "admin",
            ManageMasterUserPassword = true,
            StorageEncrypted = key is not null,
            KmsKeyId = key?.KeyArn,
            BackupRetentionPeriod = retention,
            DeletionProtection = compliant ? true : null,
            CopyTagsToSnapshot = compliant ? true : null,
        });
        return cluster;
    }

    [Fact]
    public void Enforce_StandardCluster_RaisesRetentionToTheWindowAndProtectsIt()
    {
        var stack = Stack(ProtectionMode.Enforce);
        Tier(Cluster(stack), TierName.Standard);

        var props = Properties(stack, "AWS::RDS::DBCluster");

        props["BackupRetentionPeriod"]!.GetValue<int>().Should().Be(14);
        props["DeletionProtection"]!.GetValue<bool>().Should().BeTrue();
        props["CopyTagsToSnapshot"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void Enforce_LongerRetention_IsKept()
    {
        var stack = Stack(ProtectionMode.Enforce);
        Tier(Cluster(stack, retention: 21), TierName.Standard);

        Properties(stack, "AWS::RDS::DBCluster")["BackupRetentionPeriod"]!.GetValue<int>().Should().Be(21);
    }

    [Fact]
    public void Enforce_CriticalClusterWithCustomerKey_Gets35Days()
    {
        var stack = Stack(ProtectionMode.Enforce);
        Tier(Cluster(stack, key: new Key(stack, "Key")), TierName.Critical);

        Properties(stack, "AWS::RDS::DBCluster")["BackupRetentionPeriod"]!.GetValue<int>().Should().Be(35);
    }

    [Theory]
    [InlineData(ProtectionMode.Enforce)]
    [InlineData(ProtectionMode.Verify)]
    public void AnyMode_CriticalClusterWithoutCustomerKey_FailsBecauseCrossAccountCopiesNeedOne(ProtectionMode mode)
    {
        var stack = Stack(mode);
        Tier(Cluster(stack, retention: 35, compliant: true), TierName.Critical);

        SynthError(stack).Should().Contain("[Test/Orders] AWS::RDS::DBCluster StorageEncrypted: storage is not encrypted, but the tier copies backups to another account; not enforced because changing it replaces the database");
    }

    [Fact]
    public void Verify_UnprotectedCluster_FailsNamingRetentionDeletionProtectionAndTagCopy()
    {
        var stack = Stack(ProtectionMode.Verify);
        Tier(Cluster(stack, retention: 7), TierName.Standard);

        var error = SynthError(stack);

        error.Should().Contain("[Test/Orders] AWS::RDS::DBCluster BackupRetentionPeriod: automated backups are kept shorter than the tier's PITR window (got '7', allowed at least 14 (tier standard))");
        error.Should().Contain("DeletionProtection: deletion protection is off");
        error.Should().Contain("CopyTagsToSnapshot: snapshots would lose the tier and store tags");
    }

    [Fact]
    public void Verify_CompliantCriticalCluster_Synthesizes()
    {
        var stack = Stack(ProtectionMode.Verify);
        Tier(Cluster(stack, retention: 35, compliant: true, key: new Key(stack, "Key")), TierName.Critical);

        SynthError(stack).Should().BeNull();
    }

    [Fact]
    public void Verify_StandaloneInstanceWithDefaultRetention_FailsAndAuroraMembersAreSkipped()
    {
        var stack = Stack(ProtectionMode.Verify);
        var standalone = new CfnDBInstance(stack, "Legacy", new CfnDBInstanceProps { Engine = "mysql", DbInstanceClass = "db.t4g.micro", AllocatedStorage = "20" });
        Tier(standalone, TierName.Standard);
        var cluster = Cluster(stack, retention: 14, compliant: true);
        Tier(cluster, TierName.Standard);
        _ = new CfnDBInstance(stack, "Member", new CfnDBInstanceProps { Engine = "aurora-mysql", DbInstanceClass = "db.t4g.medium", DbClusterIdentifier = cluster.Ref });

        var error = SynthError(stack);

        error.Should().Contain("[Test/Legacy] AWS::RDS::DBInstance BackupRetentionPeriod: automated backups are kept shorter than the tier's PITR window (got '1 (not set)', allowed at least 14 (tier standard))");
        error.Should().NotContain("Test/Member");
    }
}
