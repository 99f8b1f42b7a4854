using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Rules;

/// <summary>
/// A logically air-gapped vault's minimum retention must be at least 7 days and at most its maximum retention.
/// </summary>
/// <remarks>
/// "MinRetentionDays ... This setting specifies the minimum retention period that the vault retains its recovery points.
/// The minimum value accepted is 7 days." —
/// https://docs.aws.amazon.com/cdk/api/v2/python/aws_cdk.aws_backup/CfnLogicallyAirGappedBackupVaultProps.html (the
/// CloudFormation property description). A minimum above the maximum leaves no retention a copy could have.
/// </remarks>
internal sealed class AirGappedVaultRetention : IServiceRule
{
    public string Id => nameof(AirGappedVaultRetention);

    public IEnumerable<RuleFinding> Check(RuleTemplate template)
    {
        foreach (var vault in template.OfType(AirGappedVaultFacts.CloudFormationType))
        {
            var min = Number(vault.Property("MinRetentionDays"));
            var max = Number(vault.Property("MaxRetentionDays"));
            if (min is { } m && m < AirGappedVaultFacts.MinRetention.TotalDays)
            {
                yield return new RuleFinding(vault, "MinRetentionDays", m.ToString(CultureInfo.InvariantCulture),
                    "AWS Backup rejects a logically air-gapped vault whose minimum retention is under 7 days",
                    "derive the limits from copies kept at least 7 days (AirGappedVault does), or keep the copies longer");
            }

            if (min is { } lo && max is { } hi && lo > hi)
            {
                yield return new RuleFinding(vault, "MinRetentionDays", $"{lo.ToString(CultureInfo.InvariantCulture)} > MaxRetentionDays {hi.ToString(CultureInfo.InvariantCulture)}",
                    "no recovery point could be copied into the vault: every retention is either below the minimum or above the maximum",
                    "set MinRetentionDays at most MaxRetentionDays");
            }
        }
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture) : null;
}
