namespace EcommerceBackupCdk.Rules;

/// <summary>
/// The KMS key of an SNS topic must not put source conditions on its grant to EventBridge, or every rule that targets
/// the topic fails to deliver (the events end as <c>FailedInvocations</c>, nobody is told).
/// </summary>
/// <remarks>
/// <para>Amazon SNS Developer Guide, "Managing Amazon SNS encryption keys and costs"
/// (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html): "Adding the <c>aws:SourceAccount</c>,
/// <c>aws:SourceArn</c>, and <c>aws:SourceOrgID</c> to a AWS KMS policy is not supported for EventBridge-to-encrypted
/// topics."</para>
/// <para>Keep the source conditions on the topic policy and scope the key statement by the topic instead, with the
/// encryption context SNS binds to the data key: condition key <c>kms:EncryptionContext:aws:sns:topicArn</c>, as in
/// AWS's example key policy for encrypted topics
/// (https://docs.amazonaws.cn/en_us/gamelift/latest/flexmatchguide/queue-notification-sns-sse.html:
/// <c>"StringEquals": { "kms:EncryptionContext:aws:sns:topicArn": "arn:aws:sns:your_region:your_account:your_sns_topic_name" }</c>).</para>
/// <para>Checks every <c>AWS::SNS::Topic</c> whose <c>KmsMasterKeyId</c> points at an <c>AWS::KMS::Key</c> of the
/// same stack; keys of other stacks or accounts are not visible here.</para>
/// </remarks>
internal sealed class SnsKeyEventBridgeGrant : IServiceRule
{
    private static readonly string[] SourceKeys = ["aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID"];

    public string Id => nameof(SnsKeyEventBridgeGrant);

    public IEnumerable<RuleFinding> Check(RuleTemplate template)
    {
        var keys = template.OfType("AWS::SNS::Topic")
            .Select(topic => template.Referenced(topic.Property("KmsMasterKeyId")))
            .OfType<RuleResource>()
            .Where(key => key.Type == "AWS::KMS::Key")
            .DistinctBy(key => key.LogicalId);

        foreach (var key in keys)
        {
            var statements = RuleJson.Statements(key.Property("KeyPolicy"));
            for (var i = 0; i < statements.Count; i++)
            {
                var statement = statements[i];
                if (!RuleJson.IsAllow(statement) || !RuleJson.HasServicePrincipal(statement, "events.amazonaws.com"))
                {
                    continue;
                }

                var used = RuleJson.ConditionKeys(statement)
                    .Where(k => SourceKeys.Contains(k, StringComparer.OrdinalIgnoreCase))
                    .ToList();
                if (used.Count > 0)
                {
                    yield return new RuleFinding(
                        key,
                        $"KeyPolicy.Statement[{RuleJson.Label(statement, i)}].Condition",
                        RuleJson.Show(RuleJson.Get(statement, "Condition")),
                        $"the key encrypts an SNS topic and its grant to events.amazonaws.com uses {string.Join(", ", used)}, which SNS does not support for EventBridge-to-encrypted topics, so EventBridge cannot publish to the topic",
                        "drop the source conditions from the key statement (keep them on the topic policy) and scope it with kms:EncryptionContext:aws:sns:topicArn instead");
                }
            }
        }
    }
}
