using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Plans;

/// <summary>The rules of <see cref="MalwareScanOptions"/> and <see cref="ItemSearchOptions"/>.</summary>
internal static class ResilienceValidator
{
    public static void Validate(EcommerceBackupProps props, ValidationProblems problems)
    {
        if (props.MalwareScanning is { } scan)
        {
            Tiers("malwareScanning.tiers", scan.Tiers, problems);
            if (!Enum.IsDefined(scan.ScanMode))
            {
                problems.Add("malwareScanning.scanMode", "is not a scan mode", scan.ScanMode.ToString(), "'incremental' or 'full'");
            }
        }

        if (props.ItemSearch is { } search)
        {
            Tiers("itemSearch.tiers", search.Tiers, problems);
        }
    }

    private static void Tiers(string key, IReadOnlyList<TierName>? tiers, ValidationProblems problems)
    {
        if (tiers is null || tiers.Count == 0)
        {
            problems.Add(key, "names no tier, so the setting would do nothing", 0, TierNames.Allowed);
            return;
        }

        if (tiers.Distinct().Count() != tiers.Count)
        {
            problems.Add(key, "names a tier twice", tiers.Select(t => t.TagValue()).ToList(), "each tier once");
        }
    }
}
