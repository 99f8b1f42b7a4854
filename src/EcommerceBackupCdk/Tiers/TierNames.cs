using System.Globalization;

namespace EcommerceBackupCdk.Tiers;

/// <summary>Conversions between <see cref="TierName"/> and the tag value of the tag contract.</summary>
public static class TierNames
{
    /// <summary>All tiers in the order they are documented.</summary>
    public static IReadOnlyList<TierName> All { get; } = [TierName.Critical, TierName.Standard, TierName.Archive];

    /// <summary>The tag value for a tier, e.g. <c>critical</c>.</summary>
    public static string TagValue(this TierName tier) => tier switch
    {
        TierName.Critical => ContractTiers.Critical,
        TierName.Standard => ContractTiers.Standard,
        TierName.Archive => ContractTiers.Archive,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, $"not a tier (allowed {string.Join(", ", ContractTiers.All)})"),
    };

    /// <summary>The tier name in PascalCase, used in construct ids and resource names.</summary>
    public static string Pascal(this TierName tier) => tier.ToString();

    /// <summary>Parses a tag value (case-sensitive, lower-case) into a tier.</summary>
    public static bool TryParse(string? value, out TierName tier)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.TagValue(), value, StringComparison.Ordinal))
            {
                tier = candidate;
                return true;
            }
        }

        tier = default;
        return false;
    }

    /// <summary>The allowed tag values, for error messages.</summary>
    public static string Allowed => string.Join(", ", All.Select(t => t.TagValue()));
}
