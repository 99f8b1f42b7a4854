using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.SNS;
using Amazon.JSII.Runtime.Deputy;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// An EventBridge target that publishes to a <see cref="BackupTopic"/>. CDK's <c>SnsTopic</c> target would add a
/// second topic-policy statement letting <c>events.amazonaws.com</c> publish with no <c>aws:SourceAccount</c>
/// condition — any account's rule could then target the topic. The topic policy of <see cref="BackupTopic"/> already
/// allows EventBridge of this account, so this target only binds the ARN and the message.
/// </summary>
internal sealed class TopicRuleTarget(ITopic topic, RuleTargetInput message) : DeputyBase, IRuleTarget
{
    public IRuleTargetConfig Bind(IRule rule, string? id = null) => new RuleTargetConfig
    {
        Arn = topic.TopicArn,
        Input = message,
    };
}
