using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Plans;

/// <summary>A rule as a plan of one tier and resource family has it (or, among <see cref="DerivedRuleSet.Dropped"/>, does not).</summary>
/// <param name="Name">The tier's rule name; <see cref="TieredBackupPlan.ContinuousRuleName"/> for continuous backup.</param>
/// <param name="Schedule">The cron expression.</param>
/// <param name="Retention">How long recovery points stay in the primary vault (may be shorter than the tier's rule: see <paramref name="Reason"/>).</param>
/// <param name="MoveToColdStorageAfter">When they move to cold storage, or null.</param>
/// <param name="StartWindow">Start window.</param>
/// <param name="CompletionWindow">Completion window.</param>
/// <param name="Copies">Copies of each recovery point, as the tier's rule has them.</param>
/// <param name="Continuous">Whether this is the continuous-backup rule.</param>
/// <param name="Reason">Why the rule is there (or was dropped) for this family.</param>
public sealed record DerivedRule(
    string Name,
    string Schedule,
    TimeSpan Retention,
    TimeSpan? MoveToColdStorageAfter,
    TimeSpan StartWindow,
    TimeSpan CompletionWindow,
    IReadOnlyList<CopyTarget> Copies,
    bool Continuous,
    string Reason);
