using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Recovery;

/// <summary>Checks <see cref="RecoveryOptions"/>; keys in messages are the paths of the <c>recovery</c> config key.</summary>
public static class RecoveryOptionsValidator
{
    private const string Key = "recovery";

    /// <summary>Records every problem of <paramref name="options"/> in <paramref name="problems"/>.</summary>
    public static void Validate(RecoveryOptions? options, BackupTargets targets, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(problems);
        if (options is null)
        {
            problems.Add(Key, "is missing", null, "recovery options (or enabled: false)");
            return;
        }

        if (!options.Enabled)
        {
            // A setting that would do nothing is refused.
            if (options with { Enabled = true } != new RecoveryOptions())
            {
                problems.Add($"{Key}.enabled", "is false, so the other recovery settings do nothing", options.Enabled, "enabled: true, or the other settings left at their defaults");
            }

            return;
        }

        if (options.Schedule is null && options.TimeZone != RecoveryDefaults.TimeZone)
        {
            problems.Add($"{Key}.timeZone", "does nothing without a schedule (schedule is null: no quarterly drill)", options.TimeZone, "a schedule, or the default time zone");
        }

        if (options.Schedule is not null && !CronSchedule.TryParse(options.Schedule, out _, out var why))
        {
            problems.Add($"{Key}.schedule", $"schedule {why}", options.Schedule,
                $"cron(m h dom mon dow year) with a single minute and '?' in day-of-month or day-of-week, e.g. '{RecoveryDefaults.Schedule}', or null for no schedule");
        }

        if (!PropsValidator.IsTimeZone(options.TimeZone))
        {
            problems.Add($"{Key}.timeZone", "is not an IANA time zone", options.TimeZone, "an IANA name such as 'Etc/UTC' or 'Europe/Istanbul'");
        }

        if (options.PollInterval < TimeSpan.FromSeconds(1) || options.PollInterval > TimeSpan.FromHours(1) || options.PollInterval.Milliseconds != 0)
        {
            problems.Add($"{Key}.pollInterval", "is out of range", options.PollInterval, "whole seconds from 1s to 1h");
        }
        else if (options.RestoreTimeout <= options.PollInterval || options.RestoreTimeout > TimeSpan.FromDays(7))
        {
            problems.Add($"{Key}.restoreTimeout", "must be longer than the poll interval and at most 7 days", options.RestoreTimeout, $"more than {DurationText.Format(options.PollInterval)}, up to 7d");
        }

        if (string.IsNullOrWhiteSpace(options.AuroraInstanceClass) || !options.AuroraInstanceClass.StartsWith("db.", StringComparison.Ordinal))
        {
            problems.Add($"{Key}.auroraInstanceClass", "is not a DB instance class", options.AuroraInstanceClass, "a class such as 'db.t4g.medium' or 'db.r6g.large'");
        }
    }

    /// <summary>
    /// Store recovery runs on the drill validator and its report bucket, so the facade creates it only with the drills
    /// (<see cref="EcommerceBackup.Recovery"/> is null otherwise). Store recovery the user configured while the drills
    /// are off would do nothing, and is refused; left at the defaults, drills being off simply means no store recovery.
    /// </summary>
    /// <param name="options">The recovery options.</param>
    /// <param name="drills">The drill options.</param>
    /// <param name="problems">Where problems are recorded.</param>
    /// <param name="configured">
    /// Whether the user configured store recovery: a config reader knows it from the key being written. Default: the
    /// options differ from <c>new RecoveryOptions()</c>.
    /// </param>
    public static void ValidateWithDrills(RecoveryOptions? options, Drills.DrillOptions? drills, ValidationProblems problems, bool? configured = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (options is { Enabled: true } && drills is { Enabled: false } && (configured ?? options != new RecoveryOptions()))
        {
            problems.Add(Key, "does nothing while drills.enabled is false: store recovery runs on the drill validator and its report bucket", "enabled",
                $"drills.enabled true, or {Key}.enabled false");
        }
    }
}
