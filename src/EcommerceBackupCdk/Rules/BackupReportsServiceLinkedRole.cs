using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.Rules;

/// <summary>
/// The bucket a Backup Audit Manager report plan delivers into, and its customer-managed key, must name the Backup
/// Audit Manager service-linked role as principal, or no report is ever written.
/// </summary>
/// <remarks>
/// <para>AWS Backup Developer Guide, "Creating report plans using the AWS Backup API"
/// (https://docs.aws.amazon.com/aws-backup/latest/devguide/create-report-plan-api.html): "If you encrypt your bucket
/// using a custom KMS key, the KMS key policy must meet the following requirements: The Principal attribute must
/// include the Backup Audit Manager service-linked role AWSServiceRolePolicyForBackupReports ARN. The Action attribute
/// must include kms:GenerateDataKey and kms:Decrypt at minimum."</para>
/// <para>Granting the account root with an <c>aws:PrincipalArn</c> condition does not do it: a root principal only
/// delegates to the IAM policies of the account, and the role's own policy (AWSServiceRolePolicyForBackupReports,
/// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceRolePolicyForBackupReports.html) grants
/// no <c>s3:PutObject</c> and no <c>kms:*</c>.</para>
/// <para>Checks every <c>AWS::Backup::ReportPlan</c> delivering into a bucket of the same stack: the bucket policy must
/// allow <c>s3:PutObject</c> to a principal naming <c>AWSServiceRoleForBackupReports</c>, and when the bucket is
/// encrypted with a key of the same stack, the key policy must allow <c>kms:GenerateDataKey</c> to it.</para>
/// </remarks>
internal sealed class BackupReportsServiceLinkedRole : IServiceRule
{
    private const string RoleName = "AWSServiceRoleForBackupReports";

    public string Id => nameof(BackupReportsServiceLinkedRole);

    public IEnumerable<RuleFinding> Check(RuleTemplate template)
    {
        var buckets = template.OfType("AWS::Backup::ReportPlan")
            .Select(plan => template.Referenced(RuleJson.Get(plan.Property("ReportDeliveryChannel"), "S3BucketName")))
            .OfType<RuleResource>()
            .Where(b => b.Type == "AWS::S3::Bucket")
            .DistinctBy(b => b.LogicalId);

        foreach (var bucket in buckets)
        {
            var policies = template.OfType("AWS::S3::BucketPolicy")
                .Where(p => template.Referenced(p.Property("Bucket"))?.LogicalId == bucket.LogicalId)
                .ToList();
            var statements = policies.SelectMany(p => RuleJson.Statements(p.Property("PolicyDocument"))).ToList();
            if (!statements.Any(s => Grants(s, "s3:PutObject")))
            {
                yield return new RuleFinding(
                    policies.FirstOrDefault() ?? bucket,
                    "PolicyDocument.Statement",
                    RuleJson.Show(Principals(statements, "s3:PutObject")),
                    $"the bucket receives Backup Audit Manager reports but no Allow of s3:PutObject names the service-linked role {RoleName} as principal",
                    $"allow s3:PutObject to arn:<partition>:iam::<account>:role/aws-service-role/reports.backup.amazonaws.com/{RoleName} (create the role with AWS::IAM::ServiceLinkedRole or beforehand)");
            }

            var encryption = RuleJson.Items(RuleJson.Get(bucket.Property("BucketEncryption"), "ServerSideEncryptionConfiguration"))
                .Select(rule => RuleJson.Get(RuleJson.Get(rule, "ServerSideEncryptionByDefault"), "KMSMasterKeyID"))
                .Select(template.Referenced)
                .OfType<RuleResource>()
                .FirstOrDefault(k => k.Type == "AWS::KMS::Key");
            if (encryption is { } key)
            {
                var keyStatements = RuleJson.Statements(key.Property("KeyPolicy"));
                if (!keyStatements.Any(s => Grants(s, "kms:GenerateDataKey")))
                {
                    yield return new RuleFinding(
                        key,
                        "KeyPolicy.Statement",
                        RuleJson.Show(Principals(keyStatements, "kms:GenerateDataKey")),
                        $"the key encrypts bucket {bucket.Path}, which receives Backup Audit Manager reports, but no Allow of kms:GenerateDataKey names the service-linked role {RoleName} as principal",
                        $"allow kms:GenerateDataKey and kms:Decrypt to arn:<partition>:iam::<account>:role/aws-service-role/reports.backup.amazonaws.com/{RoleName}");
                }
            }
        }
    }

    private static bool Grants(JsonObject statement, string action) =>
        RuleJson.IsAllow(statement)
        && RuleJson.Actions(statement).Any(a => a == "*" || string.Equals(a, action, StringComparison.OrdinalIgnoreCase) || (a.EndsWith('*') && action.StartsWith(a[..^1], StringComparison.OrdinalIgnoreCase)))
        && (RuleJson.Get(statement, "Principal")?.ToJsonString().Contains(RoleName, StringComparison.Ordinal) ?? false);

    // What the statements allowing the action name as principal, for the message.
    private static JsonArray Principals(IEnumerable<JsonObject> statements, string action) =>
        new([.. statements
            .Where(s => RuleJson.IsAllow(s) && RuleJson.Actions(s).Any(a => string.Equals(a, action, StringComparison.OrdinalIgnoreCase) || a == "*"))
            .Select(s => RuleJson.Get(s, "Principal")?.DeepClone())]);
}
