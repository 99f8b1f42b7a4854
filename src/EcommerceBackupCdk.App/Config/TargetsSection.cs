using System.Text.Json;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// The <c>targets</c> key: per tier the RPO, RTO, snapshot rules (with their copies) and continuous backup, merged over
/// <see cref="TierDefaults"/> so that only what the config names changes. The rules of the values (cron grammar,
/// windows, lifecycles, lock limits) are the library's (<see cref="Validation.PropsValidator.ValidateTargets"/>).
/// </summary>
internal static class TargetsSection
{
    public static BackupTargets Read(ConfigSection root)
    {
        var targets = BackupTargets.Defaults;
        if (root.Section("targets") is not { } section)
        {
            return targets;
        }

        foreach (var tier in TierNames.All)
        {
            if (section.Section(tier.TagValue()) is { } tierSection)
            {
                targets = targets.With(tier, ReadTier(tierSection, tier, targets[tier]));
            }
        }

        return targets;
    }

    private static TierTargets ReadTier(ConfigSection e, TierName tier, TierTargets defaults)
    {
        var rpo = e.Duration("rpo");
        var rto = e.Duration("rto");
        var rules = e.Section("rules");
        var continuousWritten = e.Has("continuous");
        var continuous = e.Value("continuous") is { ValueKind: not JsonValueKind.False } ? e.Section("continuous") : null;

        // "years" belongs to the archive tier only: elsewhere it stays unknown.
        if (tier == TierName.Archive && e.Int("years") is { } years)
        {
            if (years is < 1 or > 100)
            {
                e.Problems.Add(e.KeyOf("years"), "is out of range", years, "1 to 100");
            }
            else
            {
                defaults = TierDefaults.ArchiveFor(years) with { Rpo = defaults.Rpo, Rto = defaults.Rto, Continuous = defaults.Continuous };
            }
        }

        var result = defaults with { Rpo = rpo ?? defaults.Rpo, Rto = rto ?? defaults.Rto };

        // "continuous": null or false turns continuous backup off; an object changes the defaults' fields it names.
        if (continuousWritten && e.Value("continuous") is null or { ValueKind: JsonValueKind.False })
        {
            result = result with { Continuous = null };
        }
        else if (continuous is not null)
        {
            var baseContinuous = defaults.Continuous ?? new ContinuousBackup { Retention = TimeSpan.FromDays(35) };
            result = result with
            {
                Continuous = baseContinuous with
                {
                    Retention = continuous.Duration("retention") ?? baseContinuous.Retention,
                    Schedule = continuous.String("schedule") ?? baseContinuous.Schedule,
                },
            };
        }

        if (rules is not null)
        {
            result = result with { Rules = ReadRules(rules, result.Rules) };
        }

        return result;
    }

    /// <summary>Rules by name: an object changes (or adds) the rule, <c>null</c> removes it.</summary>
    private static List<SnapshotRule> ReadRules(ConfigSection rules, IReadOnlyList<SnapshotRule> existing)
    {
        var merged = existing.ToList();
        foreach (var prop in rules.Members())
        {
            var index = merged.FindIndex(x => string.Equals(x.Name, prop.Name, StringComparison.Ordinal));
            if (prop.Value.ValueKind == JsonValueKind.Null)
            {
                if (index >= 0)
                {
                    merged.RemoveAt(index);
                }

                continue;
            }

            if (prop.Value.ValueKind != JsonValueKind.Object)
            {
                rules.Problems.Add(rules.KeyOf(prop.Name), "must be an object, or null to remove the rule", prop.Value.ValueKind.ToString(),
                    "an object with schedule, retention, ... or null");
                continue;
            }

            var rule = ReadRule(rules.MemberSection(prop), prop.Name, index >= 0 ? merged[index] : null);
            merged = index >= 0 ? [.. merged.Take(index), rule, .. merged.Skip(index + 1)] : [.. merged, rule];
        }

        return merged;
    }

    private static SnapshotRule ReadRule(ConfigSection e, string name, SnapshotRule? existing)
    {
        var schedule = e.String("schedule", required: existing is null);
        var retention = e.Duration("retention", required: existing is null);
        var rule = existing ?? new SnapshotRule { Name = name, Schedule = schedule ?? string.Empty, Retention = retention ?? TimeSpan.Zero };
        rule = rule with
        {
            Schedule = schedule ?? rule.Schedule,
            Retention = retention ?? rule.Retention,

            // Written as null, moveToColdStorageAfter turns the default's cold storage off.
            MoveToColdStorageAfter = e.Has("moveToColdStorageAfter") ? e.Duration("moveToColdStorageAfter") : rule.MoveToColdStorageAfter,
            StartWindow = e.Duration("startWindow") ?? rule.StartWindow,
            CompletionWindow = e.Duration("completionWindow") ?? rule.CompletionWindow,
        };

        if (e.Sections("copies", "{destination, retention, moveToColdStorageAfter}") is { } copies)
        {
            rule = rule with { Copies = copies.OfType<ConfigSection>().Select(ReadCopy).ToList() };
        }

        return rule;
    }

    private static CopyTarget ReadCopy(ConfigSection c)
    {
        var destination = c.Value("destination", required: true) is null
            ? CopyDestination.DrRegion
            : c.Choice<CopyDestination>("destination", "is not a copy destination", "'drRegion', 'drAccount' or 'airGapped'") ?? CopyDestination.DrRegion;
        return new CopyTarget
        {
            Destination = destination,
            Retention = c.Duration("retention", required: true) ?? TimeSpan.FromDays(1),
            MoveToColdStorageAfter = c.Duration("moveToColdStorageAfter"),
        };
    }
}
