using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EFS;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using static EcommerceBackupCdk.Tests.Protection.ProtectionTestStacks;

namespace EcommerceBackupCdk.Tests.Protection;

public sealed class StorageGuardTests
{
    private static string? DeletionPolicy(Stack stack, string type) =>
        Json.ResourcesOfType(Template.FromStack(stack), type).Single()["DeletionPolicy"]?.GetValue<string>();

    [Fact]
    public void Enforce_EfsWithoutRetain_IsRetained()
    {
        var stack = Stack(ProtectionMode.Enforce);
        Tier(new CfnFileSystem(stack, "Themes"), TierName.Standard);

        DeletionPolicy(stack, "AWS::EFS::FileSystem").Should().Be("Retain");
    }

    [Fact]
    public void Verify_EfsWithoutRetain_Fails()
    {
        var stack = Stack(ProtectionMode.Verify);
        Tier(new CfnFileSystem(stack, "Themes"), TierName.Standard);

        SynthError(stack).Should().Contain("[Test/Themes] AWS::EFS::FileSystem DeletionPolicy: the file system would be deleted with the stack (got 'not set', allowed 'Retain')");
    }

    [Fact]
    public void Verify_RetainedEfs_Synthesizes()
    {
        var stack = Stack(ProtectionMode.Verify);
        var fs = new CfnFileSystem(stack, "Themes");
        fs.ApplyRemovalPolicy(RemovalPolicy.RETAIN);
        Tier(fs, TierName.Critical);

        SynthError(stack).Should().BeNull();
    }

    [Fact]
    public void Enforce_StandardVolume_IsSnapshottedOnDeletion()
    {
        var stack = Stack(ProtectionMode.Enforce);
        Tier(new CfnVolume(stack, "Uploads", new CfnVolumeProps { AvailabilityZone = "eu-central-1a", Size = 10 }), TierName.Standard);

        DeletionPolicy(stack, "AWS::EC2::Volume").Should().Be("Snapshot");
    }

    [Theory]
    [InlineData(ProtectionMode.Enforce)]
    [InlineData(ProtectionMode.Verify)]
    public void AnyMode_CriticalVolumeWithoutCustomerKey_Fails(ProtectionMode mode)
    {
        var stack = Stack(mode);
        var volume = new CfnVolume(stack, "Uploads", new CfnVolumeProps { AvailabilityZone = "eu-central-1a", Size = 10, Encrypted = true });
        volume.ApplyRemovalPolicy(RemovalPolicy.SNAPSHOT);
        Tier(volume, TierName.Critical);

        SynthError(stack).Should().Contain("[Test/Uploads] AWS::EC2::Volume KmsKeyId: the volume uses the AWS-managed aws/ebs key");
    }

    [Fact]
    public void Verify_CriticalVolumeWithCustomerKey_Synthesizes()
    {
        var stack = Stack(ProtectionMode.Verify);
        var key = new Amazon.CDK.AWS.KMS.Key(stack, "Key");
        var volume = new CfnVolume(stack, "Uploads", new CfnVolumeProps { AvailabilityZone = "eu-central-1a", Size = 10, Encrypted = true, KmsKeyId = key.KeyArn });
        volume.ApplyRemovalPolicy(RemovalPolicy.SNAPSHOT);
        Tier(volume, TierName.Critical);

        SynthError(stack).Should().BeNull();
    }
}
