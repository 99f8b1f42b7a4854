namespace EcommerceBackupCdk.Rules;

/// <summary>AWS Config cannot deliver into a bucket with S3 Object Lock; the delivery channel then never works.</summary>
/// <remarks>
/// CloudFormation reference, <c>AWS::Config::DeliveryChannel</c>
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-config-deliverychannel.html): "AWS
/// Config does not support the delivery channel to an Amazon S3 bucket bucket where object lock is enabled."
/// Checks every <c>AWS::Config::DeliveryChannel</c> whose <c>S3BucketName</c> points at an <c>AWS::S3::Bucket</c> of
/// the same stack with <c>ObjectLockEnabled: true</c>.
/// </remarks>
internal sealed class ConfigDeliveryChannelBucket : IServiceRule
{
    public string Id => nameof(ConfigDeliveryChannelBucket);

    public IEnumerable<RuleFinding> Check(RuleTemplate template)
    {
        foreach (var channel in template.OfType("AWS::Config::DeliveryChannel"))
        {
            if (template.Referenced(channel.Property("S3BucketName")) is { Type: "AWS::S3::Bucket" } bucket
                && RuleJson.Bool(bucket.Property("ObjectLockEnabled")) == true)
            {
                yield return new RuleFinding(
                    channel,
                    "S3BucketName",
                    $"{RuleJson.Show(channel.Property("S3BucketName"))}, bucket {bucket.Path} with ObjectLockEnabled true",
                    "AWS Config does not support delivering to a bucket where Object Lock is enabled",
                    "deliver to a bucket of its own without Object Lock");
            }
        }
    }
}
