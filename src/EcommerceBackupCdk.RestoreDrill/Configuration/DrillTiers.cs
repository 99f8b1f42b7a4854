namespace EcommerceBackupCdk.RestoreDrill.Configuration;

/// <summary>Tier names and their default targets (DESIGN §3); TIER_TARGETS overrides them.</summary>
public static class DrillTiers
{
    public const string Critical = "critical";
    public const string Standard = "standard";
    public const string Archive = "archive";

    public static IReadOnlyList<string> All { get; } = [Critical, Standard, Archive];

    /// <summary>critical: RPO 5 min, RTO 30 min. standard: RPO 24 h, RTO 4 h. archive: RPO 31 d, RTO 24 h.</summary>
    public static IReadOnlyDictionary<string, TierTarget> Defaults { get; } = new Dictionary<string, TierTarget>
    {
        [Critical] = new() { RpoSeconds = 300, RtoSeconds = 1800 },
        [Standard] = new() { RpoSeconds = 86_400, RtoSeconds = 14_400 },
        [Archive] = new() { RpoSeconds = 2_678_400, RtoSeconds = 86_400 },
    };
}
