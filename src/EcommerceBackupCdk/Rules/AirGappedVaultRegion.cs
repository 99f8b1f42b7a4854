using Amazon.CDK;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Rules;

/// <summary>A logically air-gapped vault can be created only in a region that offers the vault type.</summary>
/// <remarks>
/// "Available in most Regions supported by AWS Backup. Not currently available in Asia Pacific (Malaysia), Canada West
/// (Calgary), China (Beijing), China (Ningxia), AWS GovCloud (US-East), or AWS GovCloud (US-West)." —
/// https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html (Regions row of "Compare and contrast
/// with a standard backup vault"), and copies into one are unavailable in a few more regions (backup-feature-availability.html,
/// footnote 1); the union is <see cref="AirGappedVaultFacts.UnavailableRegions"/>. A stack whose region is an unresolved
/// token (environment-agnostic) is not judged.
/// </remarks>
internal sealed class AirGappedVaultRegion : IServiceRule
{
    public string Id => nameof(AirGappedVaultRegion);

    public IEnumerable<RuleFinding> Check(RuleTemplate template)
    {
        var region = template.Stack.Region;
        if (Token.IsUnresolved(region) || !AirGappedVaultFacts.UnavailableRegions.Contains(region))
        {
            yield break;
        }

        foreach (var vault in template.OfType(AirGappedVaultFacts.CloudFormationType))
        {
            yield return new RuleFinding(vault, "(stack region)", region,
                "AWS Backup offers no logically air-gapped vault in this region, or no copy into one, so the vault cannot be created or never receives a copy",
                "deploy the vault to a region that offers logically air-gapped vaults (disasterRecovery.accountRegion)");
        }
    }
}
