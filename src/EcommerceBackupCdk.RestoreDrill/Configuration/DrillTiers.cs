namespace EcommerceBackupCdk.RestoreDrill.Configuration;

/// <summary>The tiers' default targets (DESIGN §3; names in <see cref="ContractTiers"/>); TIER_TARGETS overrides them.</summary>
public static class DrillTiers
{
    /// <summary>critical: RPO 5 min, RTO 30 min. standard: RPO 24 h, RTO 4 h. archive: RPO 31 d, RTO 24 h.</summary>
    public static IReadOnlyDictionary<string, TierTarget> Defaults { get; } = new Dictionary<string, TierTarget>
    {
        [ContractTiers.Critical] = new() { RpoSeconds = 300, RtoSeconds = 1800 },
        [ContractTiers.Standard] = new() { RpoSeconds = 86_400, RtoSeconds = 14_400 },
        [ContractTiers.Archive] = new() { RpoSeconds = 2_678_400, RtoSeconds = 86_400 },
    };
}
