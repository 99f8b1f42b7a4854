using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tiers;
using static EcommerceBackupCdk.Tests.Protection.ProtectionTestStacks;

namespace EcommerceBackupCdk.Tests.Protection;

public sealed class DynamoDbGuardTests
{
    private static Table NewTable(Stack stack, bool compliant = false)
    {
        var table = new Table(stack, "Carts", new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = compliant,
            DeletionProtection = compliant,
        });
        if (compliant)
        {
            DynamoDbRecoveryPeriod.Set(table, TimeSpan.FromDays(35));
        }

        return table;
    }

    [Fact]
    public void Enforce_UnprotectedCriticalTable_TurnsOnPitrWithTierPeriodAndDeletionProtection()
    {
        var stack = Stack(ProtectionMode.Enforce);
        Tier(NewTable(stack), TierName.Critical);

        var props = Properties(stack, "AWS::DynamoDB::Table");

        props["PointInTimeRecoverySpecification"]!.ToJsonString().Should().Be("""{"PointInTimeRecoveryEnabled":true,"RecoveryPeriodInDays":35}""");
        props["DeletionProtectionEnabled"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public void Enforce_StandardTable_UsesTheProtectionPitrWindow()
    {
        var stack = Stack(ProtectionMode.Enforce);
        Tier(NewTable(stack), TierName.Standard);

        Properties(stack, "AWS::DynamoDB::Table")["PointInTimeRecoverySpecification"]!["RecoveryPeriodInDays"]!.GetValue<int>().Should().Be(14);
    }

    [Fact]
    public void Verify_UnprotectedTable_FailsNamingPathAndProperties()
    {
        var stack = Stack(ProtectionMode.Verify);
        Tier(NewTable(stack), TierName.Critical);

        var error = SynthError(stack);

        error.Should().Contain("[Test/Carts/Resource] AWS::DynamoDB::Table PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: point-in-time recovery is off (got 'false', allowed true (tier critical))");
        error.Should().Contain("[Test/Carts/Resource] AWS::DynamoDB::Table DeletionProtectionEnabled: deletion protection is off");
    }

    [Fact]
    public void Verify_CompliantTable_Synthesizes()
    {
        var stack = Stack(ProtectionMode.Verify);
        Tier(NewTable(stack, compliant: true), TierName.Critical);

        SynthError(stack).Should().BeNull();
    }
}

// CDK 2.160's TableV2 ignores Tags.Of; the tier tag goes through its Tags prop, which every replica gets.
public sealed class GlobalTableGuardTests
{
    private static TableV2 NewTable(Stack stack, bool compliant, TierName? tier = TierName.Standard) => new(stack, "Sessions", new TablePropsV2
    {
        PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
        PointInTimeRecovery = compliant,
        DeletionProtection = compliant,
        Tags = tier is { } t ? [new CfnTag { Key = TagContract.TierKey, Value = t.TagValue() }] : [],
    });

    [Fact]
    public void Verify_TableV2TaggedThroughTagsOf_FailsBecauseCdkDoesNotRenderThatTag()
    {
        var stack = Stack(ProtectionMode.Verify);
        Tier(NewTable(stack, compliant: true, tier: null), TierName.Standard);

        SynthError(stack).Should().Contain("[Test/Sessions/Resource] AWS::DynamoDB::GlobalTable tags.ecommerce-backup:tier: is missing");
    }

    [Fact]
    public void Enforce_UnprotectedTableV2_SetsPitrPeriodAndDeletionProtectionOnEveryReplica()
    {
        var stack = Stack(ProtectionMode.Enforce);
        NewTable(stack, compliant: false);

        var replica = Properties(stack, "AWS::DynamoDB::GlobalTable")["Replicas"]![0]!;

        replica["PointInTimeRecoverySpecification"]!.ToJsonString().Should().Be("""{"PointInTimeRecoveryEnabled":true,"RecoveryPeriodInDays":14}""");
        replica["DeletionProtectionEnabled"]!.GetValue<bool>().Should().BeTrue();
        replica["Tags"]!.ToJsonString().Should().Contain("ecommerce-backup:tier");
    }

    [Fact]
    public void Verify_UnprotectedTableV2_FailsNamingTheReplicaProperties()
    {
        var stack = Stack(ProtectionMode.Verify);
        NewTable(stack, compliant: false);

        var error = SynthError(stack);

        error.Should().Contain("[Test/Sessions/Resource] AWS::DynamoDB::GlobalTable Replicas[0].PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: point-in-time recovery is off");
        error.Should().Contain("Replicas[0].DeletionProtectionEnabled: deletion protection is off");
    }

    [Fact]
    public void Verify_PitrOnWithoutDeclaredPeriodInStandardTier_FailsOnTheAwsDefaultPeriod()
    {
        var stack = Stack(ProtectionMode.Verify);
        NewTable(stack, compliant: true);

        SynthError(stack).Should().Contain("Replicas[0].PointInTimeRecoverySpecification.RecoveryPeriodInDays: the recovery period does not match the tier's PITR window (got '35 (AWS default: not set through DynamoDbRecoveryPeriod.Set)', allowed 14 (tier standard))");
    }

    [Fact]
    public void Verify_CompliantTableV2_Synthesizes()
    {
        var stack = Stack(ProtectionMode.Verify);
        DynamoDbRecoveryPeriod.Set(NewTable(stack, compliant: true), TimeSpan.FromDays(14));

        SynthError(stack).Should().BeNull();
    }
}
