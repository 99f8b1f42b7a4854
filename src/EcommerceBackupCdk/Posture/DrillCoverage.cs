using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Posture;

/// <summary>
/// Which tiers and resource types a scheduled restore drill covers. Restore-drill constructs mark what they test;
/// the posture report shows it per tier and per resource.
/// </summary>
public sealed class DrillCoverage
{
    private readonly List<(TierName Tier, string? ResourceType)> _entries = [];

    /// <summary>The marks, in order: a tier with a CloudFormation type, or with null for every type of the tier.</summary>
    public IReadOnlyList<(TierName Tier, string? ResourceType)> Entries => _entries;

    /// <summary>Marks a tier as drill-covered for the given CloudFormation resource types, or for all when none is given.</summary>
    public void Cover(TierName tier, params string[] resourceTypes)
    {
        ArgumentNullException.ThrowIfNull(resourceTypes);
        if (resourceTypes.Length == 0)
        {
            _entries.Add((tier, null));
        }

        foreach (var type in resourceTypes)
        {
            _entries.Add((tier, type));
        }
    }

    /// <summary>Whether a drill covers resources of a type in a tier.</summary>
    public bool Covers(TierName tier, string resourceType) =>
        _entries.Any(e => e.Tier == tier && (e.ResourceType is null || e.ResourceType == resourceType));

    /// <summary>Whether a drill covers anything in a tier.</summary>
    public bool CoversAny(TierName tier) => _entries.Any(e => e.Tier == tier);
}
