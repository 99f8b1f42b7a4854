namespace EcommerceBackupCdk.Rules;

/// <summary>
/// A delivery channel created in the same stack as the configuration recorder must be created after it; nothing in
/// its properties refers to the recorder, so without <c>DependsOn</c> CloudFormation may create both at once.
/// </summary>
/// <remarks>
/// CloudFormation reference, <c>AWS::Config::DeliveryChannel</c>
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-config-deliverychannel.html): "Before
/// you can create a delivery channel, you must create a configuration recorder."
/// </remarks>
internal sealed class ConfigDeliveryChannelOrder : IServiceRule
{
    public string Id => nameof(ConfigDeliveryChannelOrder);

    public IEnumerable<RuleFinding> Check(RuleTemplate template)
    {
        var recorders = template.OfType("AWS::Config::ConfigurationRecorder").ToList();
        if (recorders.Count == 0)
        {
            yield break;
        }

        foreach (var channel in template.OfType("AWS::Config::DeliveryChannel"))
        {
            if (!recorders.Any(r => channel.DependsOn.Contains(r.LogicalId)))
            {
                yield return new RuleFinding(
                    channel,
                    "DependsOn",
                    channel.DependsOn.Count == 0 ? "nothing" : string.Join(", ", channel.DependsOn),
                    $"the stack creates the configuration recorder {recorders[0].Path}, and AWS Config needs the recorder before the delivery channel",
                    "make the channel depend on the recorder (channel.AddDependency(recorder))");
            }
        }
    }
}
