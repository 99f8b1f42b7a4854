using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.S3;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Protection;

public sealed class BackupEnrollmentTests
{
    private static Dictionary<string, string> Tags(Template template) =>
        Json.ResourcesOfType(template, "AWS::S3::Bucket").Single()["Properties"]!["Tags"]!.AsArray()
            .ToDictionary(t => t!["Key"]!.GetValue<string>(), t => t!["Value"]!.GetValue<string>());

    [Fact]
    public void Enroll_Bucket_WritesTheTierTagOfTheContract()
    {
        var stack = TestStacks.NewStack();
        var bucket = new Bucket(stack, "Media");

        BackupEnrollment.Enroll(bucket, TierName.Standard);

        Tags(Template.FromStack(stack)).Should().Equal(new Dictionary<string, string> { [TagContract.TierKey] = "standard" });
        CoverageCheck.EnrollmentOf((Amazon.CDK.CfnResource)bucket.Node.DefaultChild!).Tier.Should().Be(TierName.Standard);
    }

    [Fact]
    public void Exclude_Bucket_WritesExcludeAndReasonTags()
    {
        var stack = TestStacks.NewStack();
        var bucket = new Bucket(stack, "Logs");

        BackupEnrollment.Exclude(bucket, "access logs kept 1 year by lifecycle");

        Tags(Template.FromStack(stack)).Should().Equal(new Dictionary<string, string>
        {
            [TagContract.ExcludeKey] = "true",
            [TagContract.ExclusionReasonKey] = "access logs kept 1 year by lifecycle",
        });
    }

    [Theory]
    [InlineData("", "reason: is missing: a resource excluded from backup must say why (got '', allowed a reason, e.g. 'cache rebuilt from the orders database')")]
    [InlineData("aws:cache", "reason: starts with the prefix AWS reserves for its own tags (got 'aws:cache', allowed a reason not starting with 'aws:')")]
    public void Exclude_BadReason_ThrowsNamingTheReason(string reason, string expected)
    {
        var stack = TestStacks.NewStack();
        var bucket = new Bucket(stack, "Logs");

        var act = () => BackupEnrollment.Exclude(bucket, reason);

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().Equal(expected);
    }

    [Fact]
    public void Exclude_ReasonLongerThanATagValue_Throws()
    {
        var stack = TestStacks.NewStack();
        var bucket = new Bucket(stack, "Logs");

        var act = () => BackupEnrollment.Exclude(bucket, new string('x', 257));

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().Equal(
            "reason: is longer than an AWS tag value may be (got '257 characters', allowed at most 256 characters)");
    }
}
