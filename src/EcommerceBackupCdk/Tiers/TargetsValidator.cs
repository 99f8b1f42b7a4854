using System.Text.RegularExpressions;
using EcommerceBackupCdk.Contract;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Tiers;

/// <summary>
/// The rules for <see cref="BackupTargets"/>, next to the targets: every tier's rules, windows, schedules against the
/// RPO, lifecycles, copies and continuous backup, as AWS Backup and CloudFormation enforce them at deploy time.
/// <see cref="PropsValidator.Validate"/> calls it with the other feature validators.
/// </summary>
public static partial class TargetsValidator
{
    /// <summary>The longest retention AWS Backup accepts: 36,500 days (100 years).</summary>
    public static readonly TimeSpan MaxRetention = TimeSpan.FromDays(36500);

    private static readonly TimeSpan MaxContinuousRetention = TimeSpan.FromDays(35);

    /// <summary>Checks the tiers' targets, rules, windows, lifecycles and continuous backup.</summary>
    /// <param name="targets">The targets.</param>
    /// <param name="problems">Where problems are recorded.</param>
    /// <param name="scheduleTimeZone">The time zone the plans read their schedules in (the RPO check measures gaps there). Default: UTC.</param>
    public static void Validate(BackupTargets? targets, ValidationProblems problems, TimeZoneInfo? scheduleTimeZone = null)
    {
        var zone = scheduleTimeZone ?? TimeZoneInfo.Utc;
        ArgumentNullException.ThrowIfNull(problems);
        if (targets is null)
        {
            problems.Add("targets", "is missing", null, "targets for critical, standard and archive");
            return;
        }

        foreach (var (tier, t) in targets.Each())
        {
            var key = $"targets.{tier.TagValue()}";
            if (t is null)
            {
                problems.Add(key, "is missing", null, "the tier's targets");
                continue;
            }

            if (t.Rpo <= TimeSpan.Zero)
            {
                problems.Add($"{key}.rpo", "must be positive", t.Rpo, DurationText.Allowed);
            }

            if (t.Rto <= TimeSpan.Zero)
            {
                problems.Add($"{key}.rto", "must be positive", t.Rto, DurationText.Allowed);
            }

            if (t.Rules is null || t.Rules.Count == 0)
            {
                problems.Add($"{key}.rules", "has no rule; every tier needs at least one scheduled rule", 0, "1 or more rules");
            }
            else
            {
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var rule in t.Rules)
                {
                    ValidateRule(key, rule, names, problems);
                }

                if (t.Continuous is not null && t.Rules.Any(r => string.Equals(r.Name, Plans.TieredBackupPlan.ContinuousRuleName, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{key}.rules", "uses the rule name reserved for the continuous-backup rule", Plans.TieredBackupPlan.ContinuousRuleName, "any other name");
                }
            }

            if (t.Continuous is not null)
            {
                var c = t.Continuous;
                if (c.Retention < TimeSpan.FromDays(1) || c.Retention > MaxContinuousRetention || !DurationText.IsWholeDays(c.Retention))
                {
                    problems.Add($"{key}.continuous.retention", "continuous backup retention is out of range", c.Retention,
                        "whole days from 1d to 35d (AWS Backup limit for continuous backup)");
                }

                if (!CronSchedule.TryParse(c.Schedule, out _, out var why))
                {
                    problems.Add($"{key}.continuous.schedule", $"schedule {why}", c.Schedule, "cron(m h dom mon dow year) with a single minute, e.g. 'cron(0 2 ? * * *)'");
                }
            }

            var achieved = t.Rules is { Count: > 0 } ? t.AchievedRpoIn(zone) : TimeSpan.MaxValue;
            if (t.Rules is { Count: > 0 } && t.Rpo > TimeSpan.Zero && achieved > t.Rpo)
            {
                problems.Add($"{key}.rpo", $"cannot be met: the most frequent rule leaves up to {DurationText.Format(achieved)} between recovery points" +
                    (t.Continuous is null ? " and the tier has no continuous backup" : string.Empty),
                    t.Rpo, $"an RPO of at least {DurationText.Format(achieved)}, a more frequent rule, or continuous backup (5m)");
            }
        }
    }

    private static void ValidateRule(string tierKey, SnapshotRule rule, HashSet<string> names, ValidationProblems problems)
    {
        var key = $"{tierKey}.rules.{rule.Name}";
        if (rule.Name is null || !RuleNamePattern().IsMatch(rule.Name))
        {
            problems.Add($"{tierKey}.rules", "has an invalid rule name", rule.Name, "1-50 letters, digits, '-', '_' or '.'");
        }
        else if (!names.Add(rule.Name))
        {
            problems.Add($"{tierKey}.rules", "has a duplicate rule name", rule.Name, "unique rule names per tier");
        }

        if (!CronSchedule.TryParse(rule.Schedule, out _, out var why))
        {
            problems.Add($"{key}.schedule", $"schedule {why}", rule.Schedule,
                "cron(m h dom mon dow year) with a single minute 0-59 and '?' in day-of-month or day-of-week, e.g. 'cron(0 3 ? * * *)'");
        }

        ValidateLifecycle(key, rule.Retention, rule.MoveToColdStorageAfter, problems);

        if (rule.StartWindow < TimeSpan.FromHours(1) || !DurationText.IsWholeMinutes(rule.StartWindow))
        {
            problems.Add($"{key}.startWindow", "start window is too short", rule.StartWindow, "whole minutes, at least 60m (AWS Backup minimum)");
        }

        if (rule.CompletionWindow < rule.StartWindow + TimeSpan.FromHours(1) || !DurationText.IsWholeMinutes(rule.CompletionWindow))
        {
            problems.Add($"{key}.completionWindow", "completion window must be at least the start window plus 60 minutes", rule.CompletionWindow,
                $"whole minutes, at least {DurationText.Format(rule.StartWindow + TimeSpan.FromHours(1))}");
        }

        if (rule.CompletionWindow > TimeSpan.FromDays(7))
        {
            problems.Add($"{key}.completionWindow", "completion window is too long", rule.CompletionWindow, "at most 7d");
        }

        for (var i = 0; i < (rule.Copies?.Count ?? 0); i++)
        {
            var copy = rule.Copies![i];
            ValidateLifecycle($"{key}.copies[{i}]", copy.Retention, copy.MoveToColdStorageAfter, problems);
        }

        if (rule.Copies is not null && rule.Copies.GroupBy(c => c.Destination).Any(g => g.Count() > 1))
        {
            problems.Add($"{key}.copies", "copies the same recovery point twice to one destination", rule.Copies.Select(c => c.Destination.ToString()).ToList(),
                "at most one copy per destination (drRegion, drAccount, airGapped)");
        }
    }

    internal static void ValidateLifecycle(string key, TimeSpan retention, TimeSpan? cold, ValidationProblems problems)
    {
        if (retention < TimeSpan.FromDays(1) || !DurationText.IsWholeDays(retention))
        {
            problems.Add($"{key}.retention", "retention must be whole days, at least 1 day", retention, "1d or more in whole days");
        }

        if (retention > MaxRetention)
        {
            problems.Add($"{key}.retention", "retention is longer than AWS Backup allows", retention, "at most 36500d (100y)");
        }

        if (cold is { } c)
        {
            if (c < TimeSpan.FromDays(1) || !DurationText.IsWholeDays(c))
            {
                problems.Add($"{key}.moveToColdStorageAfter", "must be whole days, at least 1 day", c, "1d or more in whole days");
            }
            else if (retention < c + TierDefaults.MinimumColdStorageDuration)
            {
                problems.Add($"{key}.retention", "recovery points must stay in cold storage at least 90 days: retention must be at least moveToColdStorageAfter + 90 days",
                    retention, $"at least {DurationText.Format(c + TierDefaults.MinimumColdStorageDuration)}");
            }
        }
    }

    [GeneratedRegex(@"^[a-zA-Z0-9\-_.]{1,50}$")]
    private static partial Regex RuleNamePattern();
}
