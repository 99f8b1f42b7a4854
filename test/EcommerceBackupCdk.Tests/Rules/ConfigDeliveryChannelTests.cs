using Amazon.CDK;
using Amazon.CDK.AWS.Config;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Rules;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Rules;

public class ConfigDeliveryChannelTests
{
    // The shape shipped before issue 10: the channel writes into the Object Lock evidence bucket, with no DependsOn on the recorder.
    private static Stack ShippedShape()
    {
        var stack = TestStacks.NewStack();
        var bucket = new Bucket(stack, "Evidence", new BucketProps { ObjectLockEnabled = true, Versioned = true });
        _ = new CfnConfigurationRecorder(stack, "Recorder", new CfnConfigurationRecorderProps { RoleArn = "arn:aws:iam::111111111111:role/config" });
        _ = new CfnDeliveryChannel(stack, "Delivery", new CfnDeliveryChannelProps { S3BucketName = bucket.BucketName });
        return stack;
    }

    [Fact]
    public void Bucket_ChannelIntoObjectLockBucket_FailsNamingTheBucket()
    {
        var error = RuleHarness.SynthError(ShippedShape(), new ConfigDeliveryChannelBucket());

        error.Should().Contain("ConfigDeliveryChannelBucket: Test/Delivery (AWS::Config::DeliveryChannel) S3BucketName: AWS Config does not support delivering to a bucket where Object Lock is enabled (got {\"Ref\":\"Evidence")
            .And.Contain("bucket Test/Evidence/Resource with ObjectLockEnabled true). Fix: deliver to a bucket of its own without Object Lock");
    }

    [Fact]
    public void Order_ChannelWithoutDependsOnRecorder_Fails()
    {
        var error = RuleHarness.SynthError(ShippedShape(), new ConfigDeliveryChannelOrder());

        error.Should().Contain("ConfigDeliveryChannelOrder: Test/Delivery (AWS::Config::DeliveryChannel) DependsOn: the stack creates the configuration recorder Test/Recorder, and AWS Config needs the recorder before the delivery channel (got nothing). Fix: make the channel depend on the recorder");
    }

    [Fact]
    public void BothRules_OurConfigRecorder_Pass()
    {
        var stack = TestStacks.NewStack();
        var evidence = new EvidenceBucket(stack, "Evidence", new EvidenceBucketProps { StoreName = "acme" });
        var recorder = new ConfigRecorder(stack, "Recorder", new ConfigRecorderProps { Evidence = evidence });

        RuleHarness.SynthError(stack, new ConfigDeliveryChannelBucket()).Should().BeNull();
        RuleHarness.SynthError(stack, new ConfigDeliveryChannelOrder()).Should().BeNull();

        var template = Template.FromStack(stack);
        template.HasResource("AWS::Config::DeliveryChannel", new Dictionary<string, object>
        {
            ["DependsOn"] = Match.ArrayWith([stack.Resolve(recorder.Recorder.LogicalId)]),
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["S3BucketName"] = new Dictionary<string, object> { ["Ref"] = stack.Resolve(((CfnBucket)recorder.DeliveryBucket.Node.DefaultChild!).LogicalId) },
            }),
        });
        template.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LoggingConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["LogFilePrefix"] = "config/" }),
            ["ObjectLockEnabled"] = Match.Absent(),
        }));
    }
}
