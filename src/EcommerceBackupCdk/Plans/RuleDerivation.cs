using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Plans;

/// <summary>
/// Derives the rules of a tier per resource family: a rule exists for a family only where it adds RPO, retention, a
/// copy or immutability the family does not already have (DESIGN §3). Where a family has point-in-time recovery over
/// a window W (AWS Backup continuous backup of RDS/Aurora/S3, or DynamoDB PITR and RDS/Aurora automated backups under
/// the guard-rails):
/// <list type="bullet">
/// <item>a snapshot rule kept no longer than W and without copies adds nothing (its RPO and retention are covered) and is dropped;</item>
/// <item>a snapshot rule kept no longer than W with copies stays for its copies (the copies keep their schedule and
/// retention, so every copy destination keeps its RPO), but its local points are kept only as long as the tier's
/// shortest retention in the primary vault — a retention the vault lock already admits;</item>
/// <item>a snapshot rule kept longer than W stays unchanged (it adds retention);</item>
/// <item>the continuous rule stays only for families AWS Backup backs up continuously (<see cref="ResourceFamilies.HasAwsBackupContinuous"/>).</item>
/// </list>
/// Every local point still lands in the same locked primary vault, so no immutability is lost. Families without such
/// recovery (<see cref="ResourceFamily.Other"/>, S3 outside a continuous tier) keep the tier's rules.
/// </summary>
public static class RuleDerivation
{
    /// <summary>The tier's rules as one plan per tier applies them to every type (the "naive plan").</summary>
    public static IReadOnlyList<DerivedRule> TierRules(TierTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var rules = targets.Rules
            .Select(r => new DerivedRule(r.Name, r.Schedule, r.Retention, r.MoveToColdStorageAfter, r.StartWindow, r.CompletionWindow, r.Copies, false,
                "one plan per tier: every rule for every type"))
            .ToList();
        if (targets.Continuous is { } c)
        {
            rules.Add(new DerivedRule(TieredBackupPlan.ContinuousRuleName, c.Schedule, c.Retention, null, TierDefaults.StartWindow, TierDefaults.CompletionWindow, [], true,
                "one plan per tier: every rule for every type"));
        }

        return rules;
    }

    /// <summary>Where a family's local point-in-time recovery comes from in a tier, and its worst-case RPO.</summary>
    /// <param name="tier">The tier.</param>
    /// <param name="targets">All tiers' targets.</param>
    /// <param name="family">The family.</param>
    /// <param name="guardRails">The guard-rails that turn on DynamoDB PITR and RDS/Aurora automated backups on every resource of the app, or null.</param>
    public static LocalRecovery Local(TierName tier, BackupTargets targets, ResourceFamily family, ProtectionOptions? guardRails)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var t = targets[tier];
        if (ResourceFamilies.HasAwsBackupContinuous(family) && t.Continuous is { } continuous)
        {
            return new LocalRecovery(TierDefaults.ContinuousRpo, $"AWS Backup continuous backup ({D(continuous.Retention)})", continuous.Retention);
        }

        if (ResourceFamilies.HasNativePointInTimeRecovery(family) && guardRails is not null)
        {
            var window = TierProtection.For(tier, targets, guardRails).PointInTimeRecovery;
            var what = family == ResourceFamily.DynamoDb ? "DynamoDB point-in-time recovery" : "RDS/Aurora automated backups";
            return new LocalRecovery(TierDefaults.ContinuousRpo, $"{what} ({D(window)}, guard-rails)", window);
        }

        var most = t.Rules
            .Select(r => (r.Name, Interval: r.WorstCaseInterval))
            .OrderBy(x => x.Interval)
            .FirstOrDefault();
        return most.Name is null
            ? new LocalRecovery(TimeSpan.MaxValue, "no rule", null)
            : new LocalRecovery(most.Interval, $"snapshot rule {most.Name} (every {D(most.Interval)})", null);
    }

    /// <summary>Derives the rules of one tier for one family.</summary>
    /// <param name="tier">The tier.</param>
    /// <param name="targets">All tiers' targets.</param>
    /// <param name="family">The family.</param>
    /// <param name="guardRails">The guard-rails (see <see cref="Local"/>), or null to rely on no native point-in-time recovery.</param>
    public static DerivedRuleSet Derive(TierName tier, BackupTargets targets, ResourceFamily family, ProtectionOptions? guardRails)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var t = targets[tier];
        var all = TierRules(t);
        var local = Local(tier, targets, family, guardRails);
        if (family == ResourceFamily.Other || local.Window is not { } window)
        {
            return new DerivedRuleSet(tier, family, all, [], local);
        }

        var shortest = t.Rules.Select(r => r.Retention).Append(t.Continuous?.Retention ?? TimeSpan.MaxValue).Min();
        var kept = new List<DerivedRule>();
        var dropped = new List<DerivedRule>();
        foreach (var rule in all)
        {
            if (rule.Continuous)
            {
                if (ResourceFamilies.HasAwsBackupContinuous(family))
                {
                    kept.Add(rule with { Reason = "point-in-time recovery through AWS Backup" });
                }
                else
                {
                    dropped.Add(rule with { Reason = $"AWS Backup keeps no continuous recovery point for this type; {local.Source} gives the point-in-time recovery" });
                }
            }
            else if (rule.Retention > window || rule.MoveToColdStorageAfter is not null)
            {
                kept.Add(rule with { Reason = $"keeps points {D(rule.Retention)}, beyond the {D(window)} of {local.Source}" + Copies(rule) });
            }
            else if (rule.Copies.Count > 0)
            {
                var localRetention = shortest < rule.Retention ? shortest : rule.Retention;
                kept.Add(rule with
                {
                    Retention = localRetention,
                    Reason = $"kept for its copies{Copies(rule)}; {local.Source} covers its {D(rule.Retention)} locally, so local points are kept {D(localRetention)} (the tier's shortest retention)",
                });
            }
            else
            {
                dropped.Add(rule with { Reason = $"adds nothing: {local.Source} gives RPO {D(local.WorstCaseRpo)} over {D(window)}, covering its {D(rule.Retention)}, and it makes no copy" });
            }
        }

        return new DerivedRuleSet(tier, family, kept, dropped, local);
    }

    private static string Copies(DerivedRule rule) =>
        rule.Copies.Count == 0 ? "" : " (" + string.Join(", ", rule.Copies.Select(c => $"to {(c.Destination == CopyDestination.DrRegion ? "DR region" : "DR account")} kept {D(c.Retention)}")) + ")";

    private static string D(TimeSpan value) => DurationText.Format(value);
}
