using System.Text.RegularExpressions;
using EcommerceBackupCdk.Vaults;
using EcommerceBackupCdk.Contract;

namespace EcommerceBackupCdk.Rules;

/// <summary>
/// A logically air-gapped vault's <c>EncryptionKeyArn</c>, when set, must be the ARN of a customer-managed KMS key — not an
/// alias, not a bare key id, not an AWS managed key alias such as <c>alias/aws/backup</c>.
/// </summary>
/// <remarks>
/// "EncryptionKeyArn: The ARN of the customer-managed KMS key to use for encrypting the logically air-gapped backup vault.
/// If not specified, the vault will be encrypted with an Amazon Web Services-owned key managed by Amazon Web Services
/// Backup." — https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/backup/aws.sdk.kotlin.services.backup.model/-create-logically-air-gapped-backup-vault-request/
/// "each vault is encrypted with either an AWS owned key (default) or optionally with a customer-managed KMS key" —
/// https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html. A reference to a key of the same
/// stack (<c>Fn::GetAtt [Key, Arn]</c>) is an ARN and passes; other intrinsics are skipped.
/// </remarks>
internal sealed partial class AirGappedVaultEncryptionKey : IServiceRule
{
    public string Id => nameof(AirGappedVaultEncryptionKey);

    public IEnumerable<RuleFinding> Check(RuleTemplate template)
    {
        foreach (var vault in template.OfType(AirGappedVaultFacts.CloudFormationType))
        {
            var key = vault.Property("EncryptionKeyArn");
            if (RuleJson.Text(key) is { } text && !KeyArn().IsMatch(text))
            {
                yield return new RuleFinding(vault, "EncryptionKeyArn", RuleJson.Show(key),
                    "a logically air-gapped vault takes the ARN of a customer-managed KMS key (or none, for the AWS-owned key); an alias, key id or AWS managed key is rejected",
                    "use arn:<partition>:kms:<region>:<account>:key/<key-id> of a customer-managed key, or leave it out");
            }
            else if (template.Referenced(key) is { } referenced && referenced.Type != "AWS::KMS::Key")
            {
                yield return new RuleFinding(vault, "EncryptionKeyArn", RuleJson.Show(key),
                    $"points at a {referenced.Type}, not a customer-managed KMS key",
                    "reference an AWS::KMS::Key's Arn");
            }
        }
    }

    [GeneratedRegex(ValueFormats.KmsKeyArn)]
    private static partial Regex KeyArn();
}
