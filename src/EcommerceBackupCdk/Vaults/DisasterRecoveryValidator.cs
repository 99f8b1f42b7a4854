using System.Text.RegularExpressions;
using EcommerceBackupCdk.Contract;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Vaults;

/// <summary>The rules for <see cref="DisasterRecoveryOptions"/>, next to the options: where each copy goes and who may write there.</summary>
internal static partial class DisasterRecoveryValidator
{
    internal static void Validate(EcommerceBackupProps props, string? primaryAccount, string? primaryRegion, ValidationProblems problems)
    {
        var dr = props.DisasterRecovery;
        foreach (var (tier, rule, destination) in BackupTopology.CopiesOf(props.Targets))
        {
            if (destination == CopyDestination.DrRegion && string.IsNullOrEmpty(dr?.Region))
            {
                problems.Add("disasterRecovery.region", $"is required because targets.{tier.TagValue()}.rules.{rule} copies to the DR region", dr?.Region,
                    "a region name different from the primary region");
            }

            if (destination == CopyDestination.DrAccount && string.IsNullOrEmpty(dr?.Account))
            {
                problems.Add("disasterRecovery.account", $"is required because targets.{tier.TagValue()}.rules.{rule} copies to the DR account", dr?.Account,
                    "a 12-digit account id different from the primary account");
            }
        }

        if (dr is null)
        {
            return;
        }

        if (dr.Region is not null)
        {
            if (!AwsRegions.IsKnown(dr.Region))
            {
                problems.Add("disasterRecovery.region", "is not an AWS region", dr.Region, "a region name such as 'eu-west-1'");
            }
            else if (dr.Region == primaryRegion)
            {
                problems.Add("disasterRecovery.region", "is the primary region; a DR copy in the same region does not survive a regional outage", dr.Region,
                    $"any region other than '{primaryRegion}'");
            }
            else if (primaryRegion is not null && AwsRegions.IsKnown(primaryRegion) && AwsRegions.Partition(primaryRegion) != AwsRegions.Partition(dr.Region))
            {
                problems.Add("disasterRecovery.region", "is in another AWS partition; AWS Backup cannot copy across partitions", dr.Region,
                    $"a region of partition '{AwsRegions.Partition(primaryRegion)}'");
            }
        }

        if (dr.Account is not null)
        {
            if (!AccountPattern().IsMatch(dr.Account))
            {
                problems.Add("disasterRecovery.account", "is not an AWS account id", dr.Account, "12 digits");
            }
            else if (dr.Account == primaryAccount)
            {
                problems.Add("disasterRecovery.account", "is the primary account; a DR copy in the same account does not survive an account compromise", dr.Account,
                    $"any account other than '{primaryAccount}'");
            }
        }

        if (dr.AccountRegion is not null && !AwsRegions.IsKnown(dr.AccountRegion))
        {
            problems.Add("disasterRecovery.accountRegion", "is not an AWS region", dr.AccountRegion, "a region name such as 'eu-central-1'");
        }

        // A DR setting nothing uses would do nothing: the recovery vault stacks exist only for a destination some rule
        // copies to, and accountRegion only places the DR account's vault.
        var copies = BackupTopology.CopiesOf(props.Targets);
        if (dr.Region is not null && !copies.Any(c => c.Destination == CopyDestination.DrRegion))
        {
            problems.Add("disasterRecovery.region", "does nothing: no rule of any tier copies to the DR region", dr.Region,
                "no value, or a rule with a copy to 'drRegion'");
        }

        if (dr.Account is not null && !copies.Any(c => c.Destination is CopyDestination.DrAccount or CopyDestination.AirGapped))
        {
            problems.Add("disasterRecovery.account", "does nothing: no rule of any tier copies to the DR account", dr.Account,
                "no value, or a rule with a copy to 'drAccount'");
        }

        if (dr.AccountRegion is not null && dr.Account is null)
        {
            problems.Add("disasterRecovery.accountRegion", "does nothing without disasterRecovery.account: it places the DR account's vault", dr.AccountRegion,
                "no value, or disasterRecovery.account as well");
        }

        if (dr.OrganizationId is not null && !OrganizationPattern().IsMatch(dr.OrganizationId))
        {
            problems.Add("disasterRecovery.organizationId", "is not an AWS Organizations id", dr.OrganizationId, "'o-' followed by 10-32 lower-case letters or digits");
        }
    }

    [GeneratedRegex(ValueFormats.AwsAccountId)]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^o-[a-z0-9]{10,32}$")]
    private static partial Regex OrganizationPattern();
}
