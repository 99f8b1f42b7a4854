using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using static EcommerceBackupCdk.Tests.Protection.ProtectionTestStacks;

namespace EcommerceBackupCdk.Tests.Protection;

/// <summary>Issue 10 item 4: the key of an enrolled database whose tier copies to the DR account is shared with it.</summary>
public sealed class KeySharingTests
{
    private static CfnDBCluster Cluster(Stack stack, string keyArn) => new(stack, "Orders", new CfnDBClusterProps
    {
        Engine = "aurora-mysql",
        MasterUsername = "admin",
        ManageMasterUserPassword = true,
        StorageEncrypted = true,
        KmsKeyId = keyArn,
        DeletionProtection = true,
        CopyTagsToSnapshot = true,
        BackupRetentionPeriod = 35,
    });

    [Fact]
    public void Enforce_CriticalClusterWithL2Key_SharesTheKeyWithTheDrAccount()
    {
        var stack = Stack(ProtectionMode.Enforce, drAccount: TestStacks.DrAccount);
        var key = new Key(stack, "Key");
        Tier(Cluster(stack, key.KeyArn), TierName.Critical);

        Template.FromStack(stack).HasResourceProperties("AWS::KMS::Key", Match.ObjectLike(new Dictionary<string, object>
        {
            ["KeyPolicy"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Sid"] = "AllowBackupCopiesTo222222222222",
                    ["Action"] = KeySharing.Actions,
                    ["Principal"] = Match.ObjectLike(new Dictionary<string, object> { ["AWS"] = Match.AnyValue() }),
                })]),
            }),
        }));
    }

    [Fact]
    public void Enforce_StandardTierWithoutDrAccountCopies_LeavesTheKeyAlone()
    {
        var stack = Stack(ProtectionMode.Enforce, drAccount: TestStacks.DrAccount);
        var key = new Key(stack, "Key");
        Tier(Cluster(stack, key.KeyArn), TierName.Standard);

        Template.FromStack(stack).ToJSON().ToString().Should().NotContain("AllowBackupCopiesTo");
    }

    [Fact]
    public void Verify_CriticalClusterWithUnsharedKey_FailsNamingKeyAndAccount()
    {
        // The shape the demo store shipped before issue 10: a customer key nobody shared with the DR account.
        var stack = Stack(ProtectionMode.Verify, drAccount: TestStacks.DrAccount);
        var key = new Key(stack, "Key");
        Tier(Cluster(stack, key.KeyArn), TierName.Critical);

        SynthError(stack).Should().Contain("[Test/Orders] AWS::RDS::DBCluster KmsKeyId: the customer-managed key Test/Key/Resource is not shared with the DR account, so AWS Backup cannot copy this resource's recovery points there (got 'a key policy without the DR account', allowed a key policy statement allowing account 222222222222 kms:Decrypt");
    }

    [Fact]
    public void Facade_DemoShape_SharesTheDataKeyWithTheDrAccount()
    {
        var stack = TestStacks.NewStack();
        _ = new EcommerceBackup(stack, "Backup", TestStacks.DemoProps());
        var key = new Key(stack, "DataKey");
        Tier(Cluster(stack, key.KeyArn), TierName.Critical);

        var policy = Template.FromStack(stack).FindResources("AWS::KMS::Key");
        Newtonsoft.Json.JsonConvert.SerializeObject(policy).Should().Contain("AllowBackupCopiesTo222222222222");
    }
}
