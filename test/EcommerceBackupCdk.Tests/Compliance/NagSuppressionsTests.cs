using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.S3;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Compliance;

public sealed class NagSuppressionsTests
{
    private const string Reason = "A reason a reviewer would accept, long enough.";

    [Fact]
    public void Add_TwiceOnOneResource_KeepsEverySuppressionOnceInOrder()
    {
        var stack = TestStacks.NewStack();
        var bucket = new Bucket(stack, "B");

        NagSuppressions.Add(bucket, ("AwsSolutions-S1", Reason), ("NIST.800.53.R5-S3BucketLoggingEnabled", Reason));
        NagSuppressions.Add(bucket, ("AwsSolutions-S1", "A second reason for the same rule, ignored."), ("HIPAA.Security-S3BucketLoggingEnabled", Reason));

        var rules = Json.ResourcesOfType(Template.FromStack(stack), "AWS::S3::Bucket").Single()["Metadata"]!["cdk_nag"]!["rules_to_suppress"]!.AsArray();
        rules.Select(r => (r!["id"]!.GetValue<string>(), r["reason"]!.GetValue<string>())).Should().Equal(
            ("AwsSolutions-S1", Reason), ("NIST.800.53.R5-S3BucketLoggingEnabled", Reason), ("HIPAA.Security-S3BucketLoggingEnabled", Reason));
    }

    [Fact]
    public void Add_AfterMetadataWrittenByAnotherTool_KeepsItsSuppressions()
    {
        // cdk-nag's own NagSuppressions writes the same metadata shape, with optional applies_to.
        var stack = TestStacks.NewStack();
        var bucket = new Bucket(stack, "B");
        ((Amazon.CDK.CfnResource)bucket.Node.DefaultChild!).AddMetadata("cdk_nag", new Dictionary<string, object>
        {
            ["rules_to_suppress"] = new object[] { new Dictionary<string, object> { ["id"] = "AwsSolutions-IAM5", ["reason"] = Reason, ["applies_to"] = new object[] { "Resource::*" } } },
        });

        NagSuppressions.Add(bucket, ("AwsSolutions-S1", Reason));

        var rules = Json.ResourcesOfType(Template.FromStack(stack), "AWS::S3::Bucket").Single()["Metadata"]!["cdk_nag"]!["rules_to_suppress"]!.AsArray();
        rules.Select(r => r!["id"]!.GetValue<string>()).Should().Equal("AwsSolutions-IAM5", "AwsSolutions-S1");
        rules[0]!["applies_to"]!.ToJsonString().Should().Be("""["Resource::*"]""");
    }
}
