using System.Text.RegularExpressions;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.Contract;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// The <c>recovery</c> key (store recovery, DESIGN §10). Refuses what only the config can show would do nothing: any
/// setting written while <c>recovery.enabled</c> is false, a time zone written without a schedule, and store recovery
/// written at all while <c>drills.enabled</c> is false (<see cref="RecoveryOptionsValidator.ValidateWithDrills"/>). The
/// rules of the values (cron, ranges, instance class) are <see cref="RecoveryOptionsValidator"/>'s; the S3 restore role
/// is an ARN the app imports, checked here.
/// </summary>
internal static partial class RecoverySection
{
    public static (RecoveryOptions Options, RecoveryConfig Config) Read(ConfigSection root, DrillOptions drills)
    {
        var defaults = new RecoveryOptions();
        if (root.Section("recovery") is not { } e)
        {
            // Not written: store recovery comes with the drills.
            return (defaults with { Enabled = defaults.Enabled && drills.Enabled }, new RecoveryConfig());
        }

        var enabled = e.Bool("enabled") ?? defaults.Enabled;
        var tier = e.Tier("tier");

        // "schedule": null turns the quarterly drill off; a missing key keeps the default.
        var scheduleOff = e.Has("schedule") && e.Value("schedule") is null;
        var schedule = scheduleOff ? null : e.String("schedule") ?? defaults.Schedule;
        var timeZone = e.String("timeZone");
        var options = defaults with
        {
            Enabled = true,
            Tier = tier ?? defaults.Tier,
            Schedule = schedule,
            TimeZone = timeZone ?? defaults.TimeZone,
            PollInterval = e.Duration("pollInterval") ?? defaults.PollInterval,
            RestoreTimeout = e.Duration("restoreTimeout") ?? defaults.RestoreTimeout,
            AuroraInstanceClass = e.String("auroraInstanceClass") ?? defaults.AuroraInstanceClass,
        };
        var roleArn = RoleArn(e, "s3RestoreRoleArn");

        if (!enabled)
        {
            var written = e.WrittenKnown("enabled").ToList();
            if (written.Count > 0)
            {
                e.Problems.Add(e.KeyOf(written[0]), $"does nothing while {e.KeyOf("enabled")} is false ({string.Join(", ", written.Select(e.KeyOf))} set)",
                    string.Join(", ", written), $"remove them, or set {e.KeyOf("enabled")} to true");
            }

            return (defaults with { Enabled = false }, new RecoveryConfig());
        }

        RecoveryOptionsValidator.ValidateWithDrills(options, drills, e.Problems, configured: true);
        if (scheduleOff && timeZone is not null)
        {
            e.Problems.Add(e.KeyOf("timeZone"), $"does nothing while {e.KeyOf("schedule")} is null (no quarterly drill)", timeZone, $"remove it, or set {e.KeyOf("schedule")}");
        }

        return (options, new RecoveryConfig { S3RestoreRoleArn = roleArn });
    }

    /// <summary>An IAM role ARN (the app imports it with <c>Role.FromRoleArn</c>); null when it is none.</summary>
    private static string? RoleArn(ConfigSection section, string name)
    {
        var arn = section.String(name);
        if (arn is not null && !RoleArnPattern().IsMatch(arn))
        {
            section.Problems.Add(section.KeyOf(name), "is not an IAM role ARN", arn, "arn:aws:iam::<12-digit account>:role/<name>");
            return null;
        }

        return arn;
    }

    [GeneratedRegex(ValueFormats.IamRoleArn)]
    private static partial Regex RoleArnPattern();
}
