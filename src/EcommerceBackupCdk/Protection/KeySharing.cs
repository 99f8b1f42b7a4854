using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using EcommerceBackupCdk.Rules;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// Shares the customer-managed key of an enrolled resource with the DR account its tier copies to. AWS Backup
/// Developer Guide, "Creating backup copies across AWS accounts"
/// (https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html): "In the source account,
/// if your resources are encrypted with a customer managed key, you must share this customer managed key with the
/// destination account." RDS/Aurora and EBS are not fully managed by AWS Backup, so their recovery points keep the
/// source key and a cross-account copy needs it. Only keys defined in the same stack as the resource are seen; a key
/// given as an ARN is the user's to share (README, AWS prerequisites).
/// </summary>
internal static class KeySharing
{
    /// <summary>What the DR account may do with the key (the statement CDK's BackupKey gives copy accounts, without the ViaService condition).</summary>
    internal static readonly string[] Actions = ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:CreateGrant"];

    /// <summary>The key of the same stack a <c>KmsKeyId</c> value points at, or null.</summary>
    public static CfnKey? KeyOf(CfnResource resource, object? kmsKeyId)
    {
        if (kmsKeyId is null)
        {
            return null;
        }

        var stack = Stack.Of(resource);
        var value = RuleJson.ToNode(stack.Resolve(kmsKeyId));
        var id = RuleJson.Text(RuleJson.Get(value, "Ref"))
            ?? (value is JsonObject obj && obj["Fn::GetAtt"] is JsonArray att && att.Count > 0 ? RuleJson.Text(att[0]) : null);
        return id is null
            ? null
            : stack.Node.FindAll().OfType<CfnKey>().FirstOrDefault(k => Stack.Of(k).Node.Path == stack.Node.Path && (string)stack.Resolve(k.LogicalId) == id);
    }

    /// <summary>Whether the key policy allows the account to decrypt (an Allow naming the account with kms:Decrypt or kms:*).</summary>
    public static bool IsShared(CfnKey key, string account) =>
        RuleJson.Statements(key.KeyPolicy is { } policy ? RuleJson.ToNode(Stack.Of(key).Resolve(policy)) : null)
            .Any(s => RuleJson.IsAllow(s)
                && (RuleJson.Get(s, "Principal")?.ToJsonString().Contains(account, StringComparison.Ordinal) ?? false)
                && RuleJson.Actions(s).Any(a => a is "kms:*" or "*" or "kms:Decrypt"));

    /// <summary>Adds the statement when the key is an L2 <see cref="Key"/> and not yet shared; false when it cannot.</summary>
    public static bool Share(CfnKey key, string account)
    {
        if (IsShared(key, account))
        {
            return true;
        }

        if (key.Node.Scope is not IKey l2)
        {
            return false;
        }

        l2.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = $"AllowBackupCopiesTo{account}",
            Principals = [new AccountPrincipal(account)],
            Actions = Actions,
            Resources = ["*"],
        }));
        return true;
    }

    /// <summary>Enforce mode: shares the resource's key with the tier's copy account.</summary>
    public static void Enforce(CfnResource resource, object? kmsKeyId, TierProtection tier)
    {
        if (tier.CopyAccount is { } account && KeyOf(resource, kmsKeyId) is { } key)
        {
            Share(key, account);
        }
    }

    /// <summary>Records a problem when the resource's key (of the same stack) is not shared with the tier's copy account.</summary>
    public static void Verify(CfnResource resource, object? kmsKeyId, TierProtection tier, ValidationProblems problems)
    {
        if (tier.CopyAccount is { } account && KeyOf(resource, kmsKeyId) is { } key && !IsShared(key, account))
        {
            problems.Add("KmsKeyId", $"the customer-managed key {key.Node.Path} is not shared with the DR account, so AWS Backup cannot copy this resource's recovery points there",
                "a key policy without the DR account", $"a key policy statement allowing account {account} {string.Join(", ", Actions)} ({Guards.Of(tier)} copies to the DR account)");
        }
    }
}
