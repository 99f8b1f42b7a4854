using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.S3;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using static EcommerceBackupCdk.Tests.Protection.ProtectionTestStacks;

namespace EcommerceBackupCdk.Tests.Protection;

public sealed class CoverageCheckTests
{
    private static Table NewTable(Stack stack, string id) => new(stack, id, new TableProps
    {
        PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING },
    });

    [Theory]
    [InlineData(ProtectionMode.Enforce)]
    [InlineData(ProtectionMode.Verify)]
    public void AnyMode_UntaggedTables_FailSynthListingEachByPath(ProtectionMode mode)
    {
        var stack = Stack(mode);
        NewTable(stack, "Sessions");
        NewTable(stack, "Wishlists");

        var error = SynthError(stack);

        error.Should().Contain("[Test/Sessions/Resource] AWS::DynamoDB::Table tags.ecommerce-backup:tier: is missing: the resource holds data but is in no backup tier (got nothing, allowed critical, standard, archive; or ecommerce-backup:exclude=true with ecommerce-backup:exclusion-reason)");
        error.Should().Contain("[Test/Wishlists/Resource] AWS::DynamoDB::Table tags.ecommerce-backup:tier: is missing");
    }

    [Fact]
    public void Enforce_UntaggedTable_IsNotChanged()
    {
        var stack = Stack(ProtectionMode.Enforce);
        var table = NewTable(stack, "Sessions");
        Aspects.Of(stack).Add(new ExcludeAfterwards());

        Properties(stack, "AWS::DynamoDB::Table").ContainsKey("PointInTimeRecoverySpecification").Should().BeFalse();
        table.Should().NotBeNull();
    }

    [Fact]
    public void Verify_UnknownTierValue_Fails()
    {
        var stack = Stack(ProtectionMode.Verify);
        Amazon.CDK.Tags.Of(NewTable(stack, "Carts")).Add(TagContract.TierKey, "gold");

        SynthError(stack).Should().Contain("[Test/Carts/Resource] AWS::DynamoDB::Table tags.ecommerce-backup:tier: is not a tier; the resource would be in no backup plan (got 'gold', allowed critical, standard, archive)");
    }

    [Fact]
    public void Verify_ExclusionWithoutReason_Fails()
    {
        var stack = Stack(ProtectionMode.Verify);
        Amazon.CDK.Tags.Of(new Bucket(stack, "Scratch")).Add(TagContract.ExcludeKey, TagContract.ExcludeValue);

        SynthError(stack).Should().Contain("[Test/Scratch/Resource] AWS::S3::Bucket tags.ecommerce-backup:exclusion-reason: is missing: a resource excluded from backup must say why");
    }

    [Fact]
    public void Verify_ExcludeValueOtherThanTrue_Fails()
    {
        var stack = Stack(ProtectionMode.Verify);
        Amazon.CDK.Tags.Of(new Bucket(stack, "Scratch")).Add(TagContract.ExcludeKey, "yes");

        SynthError(stack).Should().Contain("tags.ecommerce-backup:exclude: is not the exclusion value; the backup selections would still include the resource (got 'yes', allowed 'true', or remove the tag)");
    }

    [Fact]
    public void Enforce_ExcludedWithReason_PassesAndIsLeftAlone()
    {
        var stack = Stack(ProtectionMode.Enforce);
        var bucket = new Bucket(stack, "Scratch");
        Amazon.CDK.Tags.Of(bucket).Add(TagContract.ExcludeKey, TagContract.ExcludeValue);
        Amazon.CDK.Tags.Of(bucket).Add(TagContract.ExclusionReasonKey, "image resize scratch space, rebuilt from media");

        SynthError(stack).Should().BeNull();
        Properties(stack, "AWS::S3::Bucket").ContainsKey("VersioningConfiguration").Should().BeFalse();
    }

    [Fact]
    public void Enforce_TierTagOnTheStack_CoversEveryResourceInIt()
    {
        var stack = Stack(ProtectionMode.Enforce);
        NewTable(stack, "Carts");
        Tier(stack, TierName.Critical);

        Properties(stack, "AWS::DynamoDB::Table")["PointInTimeRecoverySpecification"]!["RecoveryPeriodInDays"]!.GetValue<int>().Should().Be(35);
    }

    [Fact]
    public void EnrollmentOf_Tags_ReadsTierAndExclusion()
    {
        var enrollment = CoverageCheck.EnrollmentOf(new Dictionary<string, string>
        {
            [TagContract.TierKey] = "archive",
            [TagContract.ExcludeKey] = "true",
            [TagContract.ExclusionReasonKey] = "migrated",
        });

        enrollment.Should().Be(new Enrollment { Tier = TierName.Archive, Excluded = true, ExclusionReason = "migrated" });
        enrollment.IsEnrolled.Should().BeFalse();
    }

    // Adds an exclusion only when synth runs, after the aspect visited: the enforce pass saw an untagged table.
    private sealed class ExcludeAfterwards : Amazon.JSII.Runtime.Deputy.DeputyBase, IAspect
    {
        public void Visit(Constructs.IConstruct node)
        {
            if (node is CfnTable table)
            {
                table.Tags.SetTag(TagContract.ExcludeKey, TagContract.ExcludeValue);
                table.Tags.SetTag(TagContract.ExclusionReasonKey, "test: excluded after the guard-rails ran");
            }
        }
    }
}
