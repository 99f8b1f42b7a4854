using System.Text.RegularExpressions;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Contract;

namespace EcommerceBackupCdk.Vaults;

/// <summary>The rules of <see cref="AirGappedVaultOptions"/> and of the copies into the air-gapped vault.</summary>
internal static partial class AirGappedVaultValidator
{
    private const string Key = "airGappedVault";

    /// <summary>Checks the option against the targets and the DR settings of the props.</summary>
    public static void Validate(EcommerceBackupProps props, ValidationProblems problems) => Validate(props, null, problems);

    /// <summary>Checks the option against the targets, the DR settings and, when known, the primary region.</summary>
    public static void Validate(EcommerceBackupProps props, string? primaryRegion, ValidationProblems problems)
    {
        var copies = BackupTopology.CopiesOf(props.Targets).Where(c => c.Destination == CopyDestination.AirGapped).ToList();
        var options = props.AirGappedVault;
        if (options is null)
        {
            foreach (var (tier, rule, _) in copies)
            {
                problems.Add(Key, $"is required because targets.{tier.TagValue()}.rules.{rule} copies to the air-gapped vault", null,
                    "air-gapped vault options, or another copy destination (drRegion, drAccount)");
            }

            return;
        }

        if (copies.Count == 0)
        {
            problems.Add(Key, "is set but no rule copies to the air-gapped vault, so the vault would stay empty", "set", "a copy with destination 'airGapped' (e.g. the critical tier's weekly copy), or no airGappedVault");
        }

        var dr = props.DisasterRecovery;
        if (string.IsNullOrEmpty(dr?.Account))
        {
            problems.Add($"disasterRecovery.account", "is required because the air-gapped vault lives in the DR account", dr?.Account, "a 12-digit account id different from the primary account");
        }

        // The vault is created in the DR account's region (disasterRecovery.accountRegion, else the primary region); the
        // copy jobs start in the primary region. Either one among AirGappedVaultFacts.UnavailableRegions stops the copies.
        var allowed = $"a region other than {string.Join(", ", AirGappedVaultFacts.UnavailableRegions.Order(StringComparer.Ordinal))}, or no airGappedVault";
        if (dr?.AccountRegion is { } accountRegion && AirGappedVaultFacts.UnavailableRegions.Contains(accountRegion))
        {
            problems.Add("disasterRecovery.accountRegion", "is a region where AWS Backup offers no logically air-gapped vault or no copy into one", accountRegion, allowed);
        }

        if (primaryRegion is not null && AirGappedVaultFacts.UnavailableRegions.Contains(primaryRegion))
        {
            problems.Add("primary.region", "is a region from which AWS Backup makes no copy into a logically air-gapped vault", primaryRegion, allowed);
        }

        ValidateOptions(options, dr?.Account, problems);
        if (props.Targets is not null)
        {
            foreach (var (key, retention) in BackupTopology.RetentionsWrittenInto(props.Targets, VaultRole.AirGapped))
            {
                ValidateRetention(key, retention, problems);
            }
        }
    }

    public static void ValidateOptions(AirGappedVaultOptions options, string? drAccount, ValidationProblems problems)
    {
        if (options.MpaApprovalTeamArn is { } team && !MpaTeamPattern().IsMatch(team))
        {
            problems.Add($"{Key}.mpaApprovalTeamArn", "is not the ARN of a multi-party approval team", team, "arn:<partition>:mpa:<region>:<account>:approval-team/<id>");
        }

        for (var i = 0; i < options.ShareWithAccounts.Count; i++)
        {
            var account = options.ShareWithAccounts[i];
            if (!PropsValidator.IsAccountId(account))
            {
                problems.Add($"{Key}.shareWithAccounts[{i}]", "is not an AWS account id", account, "12 digits");
            }
            else if (account == drAccount)
            {
                problems.Add($"{Key}.shareWithAccounts[{i}]", "is the DR account that owns the vault; sharing with it does nothing", account, "a recovery account other than the DR account");
            }
        }

        if (options.ShareWithAccounts.Distinct(StringComparer.Ordinal).Count() != options.ShareWithAccounts.Count)
        {
            problems.Add($"{Key}.shareWithAccounts", "names an account twice", options.ShareWithAccounts, "each account once");
        }

        // "The ARN of the customer-managed KMS key to use for encrypting the logically air-gapped backup vault. If not
        // specified, the vault will be encrypted with an Amazon Web Services-owned key managed by Amazon Web Services
        // Backup." — https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/backup/aws.sdk.kotlin.services.backup.model/-create-logically-air-gapped-backup-vault-request/
        if (options.EncryptionKeyArn is { } key && !KeyArnPattern().IsMatch(key))
        {
            problems.Add($"{Key}.encryptionKeyArn", "is not the ARN of a customer-managed KMS key (an alias or key id is not accepted)", key,
                "arn:<partition>:kms:<region>:<account>:key/<key-id>, or nothing for the AWS-owned key");
        }
    }

    public static void ValidateRetention(string key, TimeSpan retention, ValidationProblems problems)
    {
        if (retention < AirGappedVaultFacts.MinRetention)
        {
            problems.Add(key, "is shorter than a logically air-gapped vault accepts", retention, $"at least {DurationText.Format(AirGappedVaultFacts.MinRetention)}");
        }
    }

    // The Multi-party approval API's pattern for a team ARN: "Pattern:
    // arn:aws(-[^:]+)?:mpa:[a-z0-9-]{1,20}:[0-9]{12}:approval-team/[a-zA-Z0-9._-]+"
    // (https://docs.aws.amazon.com/mpa/latest/APIReference/API_GetApprovalTeam.html, request parameter Arn).
    [GeneratedRegex(@"^arn:aws(-[^:]+)?:mpa:[a-z0-9-]{1,20}:[0-9]{12}:approval-team/[a-zA-Z0-9._-]+$")]
    private static partial Regex MpaTeamPattern();

    [GeneratedRegex(ValueFormats.KmsKeyArn)]
    private static partial Regex KeyArnPattern();
}
