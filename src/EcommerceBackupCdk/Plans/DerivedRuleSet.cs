using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Plans;

/// <summary>The rules of one tier for one resource family, the tier's rules it does without, and its local recovery.</summary>
/// <param name="Tier">The tier.</param>
/// <param name="Family">The family.</param>
/// <param name="Rules">The rules the family's plan has.</param>
/// <param name="Dropped">The tier's rules the family does without, each with the reason.</param>
/// <param name="Local">The family's local recovery.</param>
public sealed record DerivedRuleSet(TierName Tier, ResourceFamily Family, IReadOnlyList<DerivedRule> Rules, IReadOnlyList<DerivedRule> Dropped, LocalRecovery Local)
{
    /// <summary>
    /// Whether the rules equal the tier's one-plan rules (same names, retentions, copies): then the family stays in
    /// the tier's plan and needs no plan of its own.
    /// </summary>
    public bool SameAs(IReadOnlyList<DerivedRule> tierRules)
    {
        ArgumentNullException.ThrowIfNull(tierRules);
        return Rules.Count == tierRules.Count && Rules.Zip(tierRules).All(p =>
            p.First.Name == p.Second.Name && p.First.Retention == p.Second.Retention && p.First.Continuous == p.Second.Continuous &&
            p.First.Copies.SequenceEqual(p.Second.Copies));
    }

    /// <summary>The longest any recovery point of the family is kept in the primary account: its point-in-time window or a rule's retention.</summary>
    public TimeSpan LongestLocalRetention => Rules.Select(r => r.Retention).Append(Local.Window ?? TimeSpan.Zero).Max();
}
