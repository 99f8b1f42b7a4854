using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;
using static EcommerceBackupCdk.Tests.Protection.ProtectionTestStacks;

namespace EcommerceBackupCdk.Tests.Protection;

public sealed class DataProtectionAspectTests
{
    [Fact]
    public void Constructor_TransitionNotShorterThanATierRetention_ThrowsNamingTheKey()
    {
        var act = () => new DataProtectionAspect(new DataProtectionAspectProps
        {
            Options = new ProtectionOptions { NoncurrentVersionTransitionAfter = TimeSpan.FromDays(40) },
        });

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().ContainSingle().Which.Should().Be(
            "protection.noncurrentVersionTransitionAfter: must be shorter than the critical tier's retention, after which noncurrent versions expire (S3 requires the expiration after the transition) (got 40d, allowed less than 35d)");
    }

    [Fact]
    public void Constructor_PitrWindowOutOfRange_ThrowsNamingTheKey()
    {
        var act = () => new DataProtectionAspect(new DataProtectionAspectProps
        {
            Options = new ProtectionOptions { PointInTimeRecovery = TimeSpan.FromDays(36) },
        });

        act.Should().Throw<BackupConfigurationException>().WithMessage("*protection.pointInTimeRecovery: is out of range (got 36d, allowed whole days from 1d to 35d (DynamoDB, RDS and Aurora limit))*");
    }

    [Fact]
    public void Facade_DataStackNextToTheBackupStack_IsCoveredAndUntaggedTableFailsSynth()
    {
        var app = new App();
        var env = new Amazon.CDK.Environment { Account = TestStacks.PrimaryAccount, Region = TestStacks.PrimaryRegion };
        var backupStack = new Stack(app, "Backup", new StackProps { Env = env });
        _ = new EcommerceBackup(backupStack, "Backup", TestStacks.DemoProps());
        var data = new Stack(app, "Data", new StackProps { Env = env });
        _ = new Table(data, "Orders", new TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING } });

        var act = () => app.Synth();

        act.Should().Throw<Exception>().WithMessage("*[Data/Orders/Resource] AWS::DynamoDB::Table tags.ecommerce-backup:tier: is missing*");
    }

    [Fact]
    public void Facade_ProtectionOff_AddsNoAspect()
    {
        var stack = TestStacks.NewStack();
        var backup = new EcommerceBackup(stack, "Backup", TestStacks.DemoProps() with { Protection = null });
        _ = new Table(stack, "Orders", new TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING } });

        backup.Protection.Should().BeNull();
        SynthError(stack).Should().BeNull();
    }

    [Fact]
    public void Facade_VerifyMode_ReachesTheAspect()
    {
        var stack = TestStacks.NewStack();
        var backup = new EcommerceBackup(stack, "Backup", TestStacks.DemoProps() with { Protection = new ProtectionOptions { Mode = ProtectionMode.Verify, WholeApp = false } });
        Tier(new Table(stack, "Carts", new TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING } }), TierName.Critical);

        backup.Protection!.Props.Options.Mode.Should().Be(ProtectionMode.Verify);
        SynthError(stack).Should().Contain("PointInTimeRecoveryEnabled: point-in-time recovery is off");
    }
}
