using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using EcommerceBackupCdk.Rules;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Rules;

public class FlowLogBucketDeliveryTests
{
    private static (Amazon.CDK.Stack Stack, Bucket Logs) FlowLogToS3()
    {
        var stack = TestStacks.NewStack();
        var logs = new Bucket(stack, "Logs", new BucketProps { EnforceSSL = true });
        _ = new Vpc(stack, "Vpc", new VpcProps
        {
            NatGateways = 0,
            SubnetConfiguration = [new SubnetConfiguration { Name = "data", SubnetType = SubnetType.PRIVATE_ISOLATED }],
            FlowLogs = new Dictionary<string, IFlowLogOptions> { ["All"] = new FlowLogOptions { Destination = FlowLogDestination.ToS3(logs, "vpc-flow-logs/") } },
        });
        return (stack, logs);
    }

    [Fact]
    public void Check_FlowLogBucketWithoutDeliveryStatements_FailsNamingBothActions()
    {
        // The shape the demo store shipped before issue 10: a TLS-only policy and nothing for log delivery.
        var (stack, _) = FlowLogToS3();

        var error = RuleHarness.SynthError(stack, new FlowLogBucketDelivery());

        error.Should().Contain("FlowLogBucketDelivery: Test/Logs/Resource (AWS::S3::Bucket) BucketPolicy: the bucket receives VPC flow logs, so the log delivery service adds its own statements to the bucket policy and the next stack update removes them (got no statement allowing s3:PutObject and s3:GetBucketAcl to delivery.logs.amazonaws.com). Fix: add AWSLogDeliveryWrite");
    }

    [Fact]
    public void Check_FlowLogBucketWithDeliveryStatements_Passes()
    {
        var (stack, logs) = FlowLogToS3();
        logs.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [new ServicePrincipal("delivery.logs.amazonaws.com")], Actions = ["s3:PutObject"], Resources = [logs.ArnForObjects("*")],
        }));
        logs.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [new ServicePrincipal("delivery.logs.amazonaws.com")], Actions = ["s3:GetBucketAcl", "s3:ListBucket"], Resources = [logs.BucketArn],
        }));

        RuleHarness.SynthError(stack, new FlowLogBucketDelivery()).Should().BeNull();
    }
}
