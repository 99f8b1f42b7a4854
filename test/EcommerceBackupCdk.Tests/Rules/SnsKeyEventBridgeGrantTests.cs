using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Rules;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Rules;

public class SnsKeyEventBridgeGrantTests
{
    [Fact]
    public void Check_EventBridgeGrantWithSourceAccount_FailsNamingKeyStatementAndFix()
    {
        // The shape BackupTopic shipped before issue 10: events.amazonaws.com on the topic key with aws:SourceAccount.
        var stack = TestStacks.NewStack();
        var key = new Key(stack, "TopicKey");
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowPublishByevents",
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID } },
        }));
        _ = new Topic(stack, "Topic", new TopicProps { MasterKey = key });

        var error = RuleHarness.SynthError(stack, new SnsKeyEventBridgeGrant());

        error.Should().Contain("SnsKeyEventBridgeGrant: Test/TopicKey/Resource (AWS::KMS::Key) KeyPolicy.Statement[AllowPublishByevents].Condition: the key encrypts an SNS topic and its grant to events.amazonaws.com uses aws:SourceAccount")
            .And.Contain("(got {\"StringEquals\":{\"aws:SourceAccount\":{\"Ref\":\"AWS::AccountId\"}}})")
            .And.Contain("Fix: drop the source conditions from the key statement (keep them on the topic policy) and scope it with kms:EncryptionContext:aws:sns:topicArn");
    }

    [Fact]
    public void Check_EventBridgeGrantScopedByTopicEncryptionContext_Passes()
    {
        var stack = TestStacks.NewStack();
        var key = new Key(stack, "TopicKey");
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["kms:EncryptionContext:aws:sns:topicArn"] = "arn:aws:sns:eu-central-1:111111111111:t" } },
        }));
        _ = new Topic(stack, "Topic", new TopicProps { MasterKey = key, TopicName = "t" });

        RuleHarness.SynthError(stack, new SnsKeyEventBridgeGrant()).Should().BeNull();
    }

    [Fact]
    public void Check_BackupTopic_Passes()
    {
        var stack = TestStacks.NewStack();
        _ = new BackupTopic(stack, "Alerts", new BackupTopicProps { StoreName = "acme", Emails = [] });

        RuleHarness.SynthError(stack, new SnsKeyEventBridgeGrant()).Should().BeNull();
    }
}
