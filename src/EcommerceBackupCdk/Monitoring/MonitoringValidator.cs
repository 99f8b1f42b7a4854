using System.Text.RegularExpressions;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Contract;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// Checks <see cref="MonitoringOptions"/> against what CloudWatch accepts: alarm windows fit the 7-day evaluation
/// range, sub-hour periods only up to 1 day, known alarm kinds. Keys are the <c>monitoring</c> config paths.
/// </summary>
public static partial class MonitoringValidator
{
    /// <summary>Records every problem of the options.</summary>
    public static void Validate(MonitoringOptions? options, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (options is null)
        {
            problems.Add("monitoring", "is missing", null, "monitoring options (or leave the default)");
            return;
        }

        for (var i = 0; i < (options.WarningEmails?.Count ?? 0); i++)
        {
            if (!EmailPattern().IsMatch(options.WarningEmails![i] ?? string.Empty))
            {
                problems.Add($"monitoring.warningEmails[{i}]", "is not an email address", options.WarningEmails[i], "an address like 'oncall@example.com'");
            }
        }

        foreach (var kind in (options.Severities ?? new Dictionary<string, AlarmSeverity>()).Keys)
        {
            if (!AlarmKinds.All.Contains(kind, StringComparer.Ordinal))
            {
                problems.Add($"monitoring.severities.{kind}", "is not an alarm or rule kind", kind, string.Join(", ", AlarmKinds.All));
            }
        }

        foreach (var (tier, window) in options.MissingBackupsAfter ?? new Dictionary<TierName, TimeSpan>())
        {
            if (window < TimeSpan.FromHours(1) || window > MonitoringDefaults.MaxAlarmRange || window.Ticks % TimeSpan.TicksPerHour != 0)
            {
                problems.Add($"monitoring.missingBackupsAfter.{tier.TagValue()}", "does not fit a CloudWatch alarm of 1-hour periods", window,
                    "whole hours from 1h to 7d (CloudWatch evaluates at most 7 days)");
            }
        }

        foreach (var (tier, window) in options.SlowJobsAfter ?? new Dictionary<TierName, TimeSpan>())
        {
            ValidateSlowWindow($"monitoring.slowJobsAfter.{tier.TagValue()}", window, problems);
        }

        ValidateSlowWindow("monitoring.slowCopyAfter", options.SlowCopyAfter, problems);

        // A skipped tier gets no tier alarm, so a window set for it would do nothing.
        var skipped = options.SkipTiers ?? [];
        if (skipped.Distinct().Count() != skipped.Count)
        {
            problems.Add("monitoring.skipTiers", "names a tier twice", skipped.Select(t => t.TagValue()).ToList(), "each tier at most once");
        }

        foreach (var tier in skipped.Distinct())
        {
            foreach (var (key, windows) in new[] { ("missingBackupsAfter", options.MissingBackupsAfter), ("slowJobsAfter", options.SlowJobsAfter) })
            {
                if (windows is not null && windows.TryGetValue(tier, out var window))
                {
                    problems.Add($"monitoring.{key}.{tier.TagValue()}", "does nothing: the tier is in monitoring.skipTiers, so it has no tier alarms", window,
                        $"no value for {tier.TagValue()}, or remove it from monitoring.skipTiers");
                }
            }
        }
    }

    /// <summary>Validates and throws <see cref="BackupConfigurationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(MonitoringOptions options)
    {
        var problems = new ValidationProblems();
        Validate(options, problems);
        problems.ThrowIfAny(nameof(MonitoringOptions));
    }

    private static void ValidateSlowWindow(string key, TimeSpan window, ValidationProblems problems)
    {
        var period = MonitoringDefaults.SlowPeriodFor(window);
        if (window < MonitoringDefaults.SlowJobsPeriod || window > MonitoringDefaults.MaxAlarmRange || window.Ticks % period.Ticks != 0)
        {
            problems.Add(key, "does not fit a CloudWatch alarm", window,
                "a multiple of 15m up to 1d, or whole hours up to 7d (sub-hour periods may cover at most 1 day, any alarm at most 7 days)");
        }
    }

    [GeneratedRegex(ValueFormats.EmailAddress)]
    private static partial Regex EmailPattern();
}
