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
