using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// The key-policy statement that lets CloudWatch Logs use a key for named log groups of this account and region only
/// (encryption context <c>aws:logs:arn</c>), shared by the drill validator's and flow's log groups and store recovery's.
/// </summary>
internal static class LogGroupEncryption
{
    /// <summary>
    /// Allows <c>logs.&lt;region&gt;.amazonaws.com</c> to use <paramref name="key"/> for the named log groups: one name with
    /// <c>ArnEquals</c>, several with <c>ArnLike</c> on the list (the forms the deployed key policies already have).
    /// </summary>
    public static void Allow(IKey key, string sid, params string[] logGroupNames)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfZero(logGroupNames.Length);
        var arns = logGroupNames.Select(n => $"arn:{Aws.PARTITION}:logs:{Aws.REGION}:{Aws.ACCOUNT_ID}:log-group:{n}").ToArray();
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = sid,
            Principals = [new ServicePrincipal($"logs.{Aws.REGION}.amazonaws.com")],
            Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                [arns.Length == 1 ? "ArnEquals" : "ArnLike"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:logs:arn"] = arns.Length == 1 ? arns[0] : arns,
                },
            },
        }));
    }
}
