using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.Rules;

/// <summary>
/// The bucket a VPC flow log delivers into must carry the log delivery statements in the policy CloudFormation
/// manages. Otherwise the service writes its own statements into the policy, and the next stack update, which writes
/// the policy the template holds, removes them again: flow logs stop arriving, and the policy has two owners.
/// </summary>
/// <remarks>
/// Amazon VPC User Guide, "Amazon S3 bucket permissions for flow logs"
/// (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3-permissions.html): "If the user creating the flow
/// log owns the bucket and has PutBucketPolicy and GetBucketPolicy permissions for the bucket, we automatically attach
/// the following policy to the bucket." The policy: <c>AWSLogDeliveryWrite</c> (<c>s3:PutObject</c>) and
/// <c>AWSLogDeliveryAclCheck</c> (<c>s3:GetBucketAcl</c>) for the service principal <c>delivery.logs.amazonaws.com</c>.
/// Checks every <c>AWS::EC2::FlowLog</c> with <c>LogDestinationType: s3</c> whose destination is a bucket of the
/// same stack.
/// </remarks>
internal sealed class FlowLogBucketDelivery : IServiceRule
{
    private const string Principal = "delivery.logs.amazonaws.com";

    private static readonly string[] RequiredActions = ["s3:PutObject", "s3:GetBucketAcl"];

    public string Id => nameof(FlowLogBucketDelivery);

    public IEnumerable<RuleFinding> Check(RuleTemplate template)
    {
        var buckets = template.OfType("AWS::EC2::FlowLog")
            .Where(f => RuleJson.Text(f.Property("LogDestinationType")) == "s3")
            .SelectMany(f => template.ReferencesIn(f.Property("LogDestination")))
            .Where(r => r.Type == "AWS::S3::Bucket")
            .DistinctBy(r => r.LogicalId);

        foreach (var bucket in buckets)
        {
            var statements = template.BucketPolicyStatements(bucket);
            var missing = RequiredActions.Where(a => !statements.Any(s => Allows(s, a))).ToList();
            if (missing.Count > 0)
            {
                yield return new RuleFinding(
                    bucket,
                    "BucketPolicy",
                    $"no statement allowing {string.Join(" and ", missing)} to {Principal}",
                    "the bucket receives VPC flow logs, so the log delivery service adds its own statements to the bucket policy and the next stack update removes them",
                    $"add AWSLogDeliveryWrite (s3:PutObject on <prefix>/AWSLogs/<account>/*) and AWSLogDeliveryAclCheck (s3:GetBucketAcl) for {Principal}, with aws:SourceAccount and aws:SourceArn conditions, to the bucket policy");
            }
        }
    }

    private static bool Allows(JsonObject statement, string action) =>
        RuleJson.IsAllow(statement)
        && RuleJson.HasServicePrincipal(statement, Principal)
        && RuleJson.Actions(statement).Any(a => a == "*" || a == "s3:*" || string.Equals(a, action, StringComparison.OrdinalIgnoreCase) || (a.EndsWith('*') && action.StartsWith(a[..^1], StringComparison.OrdinalIgnoreCase)));
}
