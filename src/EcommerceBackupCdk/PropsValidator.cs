using System.Text.RegularExpressions;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;
using EcommerceBackupCdk.Contract;

namespace EcommerceBackupCdk;

/// <summary>
/// Checks <see cref="EcommerceBackupProps"/> against every rule AWS Backup and CloudFormation enforce at deploy time
/// for what the library creates, plus the internal consistency of the targets. Keys in messages are the
/// camelCase paths of the <c>ecommerceBackup</c> config, which mirrors the props.
/// </summary>
public static partial class PropsValidator
{
    private static readonly TimeSpan MaxLockRetention = TimeSpan.FromDays(36500);
    private static readonly TimeSpan MaxContinuousRetention = TimeSpan.FromDays(35);

    /// <summary>Validates props and returns every problem.</summary>
    /// <param name="props">The props.</param>
    /// <param name="primaryAccount">The primary account id, or null when unknown (an unresolved token is skipped, never guessed).</param>
    /// <param name="primaryRegion">The primary region, or null when unknown.</param>
    public static ValidationProblems Validate(EcommerceBackupProps props, string? primaryAccount = null, string? primaryRegion = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        var problems = new ValidationProblems();

        ValidateStoreName(props.StoreName, problems);

        if (primaryAccount is not null && !AccountPattern().IsMatch(primaryAccount))
        {
            problems.Add("primary.account", "is not an AWS account id", primaryAccount, "12 digits");
        }

        if (primaryRegion is not null && !AwsRegions.IsKnown(primaryRegion))
        {
            problems.Add("primary.region", "is not an AWS region", primaryRegion, "a region name such as 'eu-central-1'");
        }

        ValidateTimeZone(props.ScheduleTimeZone, problems);

        ValidateTargets(props.Targets, problems, IsValidTimeZone(props.ScheduleTimeZone) ? TimeZoneInfo.FindSystemTimeZoneById(props.ScheduleTimeZone) : null);
        ValidateDisasterRecovery(props, primaryAccount, primaryRegion, problems);
        ValidateVaultLock(props, problems);
        ValidateNotifications(props.Notifications, problems);
        Compliance.AuditValidator.Validate(props.Audit, problems);
        MonitoringValidator.Validate(props.Monitoring, problems);
        if (props.S3BackupTiering is { } tiering)
        {
            Plans.S3BackupTiering.Validate(tiering, "s3BackupTiering", problems);
        }

        Drills.DrillOptionsValidator.Validate(props.Drills, props.StoreName, problems);
        Recovery.RecoveryOptionsValidator.Validate(props.Recovery, props.Targets, problems);
        Recovery.RecoveryOptionsValidator.ValidateWithDrills(props.Recovery, props.Drills, problems);
        Protection.ProtectionValidator.Validate(props.Protection, props.Targets, problems);
        AirGappedVaultValidator.Validate(props, primaryRegion, problems);
        Plans.ResilienceValidator.Validate(props, problems);
        return problems;
    }

    /// <summary>
    /// The facade's own rule for <see cref="Compliance.ControlTowerOptions.Strict"/>: its Lambda functions (drill
    /// validator, evidence index) need <see cref="Drills.DrillOptions.Network"/>. Not part of <see cref="Validate"/>,
    /// because the DR stacks validate the same props and create no function, and an app may add the network later.
    /// </summary>
    public static void ValidateControlTower(EcommerceBackupProps props, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentNullException.ThrowIfNull(problems);
        if (props.ControlTower is { Strict: true } && props.Drills.Network is null && (props.Drills.Enabled || props.Audit is not null))
        {
            problems.Add("controlTower.strict", "needs drills.network: Control Tower control CT.LAMBDA.PR.3 wants every Lambda function (the drill validator, the evidence index) in a customer VPC", "true without drills.network",
                "drills.network with the VPC and private subnets the functions run in, or controlTower.strict false");
        }
    }

    /// <summary>Validates and throws <see cref="BackupConfigurationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(EcommerceBackupProps props, string? primaryAccount = null, string? primaryRegion = null) =>
        Validate(props, primaryAccount, primaryRegion).ThrowIfAny(nameof(EcommerceBackupProps));

    /// <summary>Whether the id is a 12-digit AWS account id.</summary>
    public static bool IsAccountId(string? value) => value is not null && AccountPattern().IsMatch(value);

    /// <summary>Checks the store name used in every resource name.</summary>
    public static void ValidateStoreName(string? storeName, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (storeName is null || !StoreNamePattern().IsMatch(storeName))
        {
            problems.Add("storeName", "is not a valid store name", storeName,
                "2-20 lower-case letters, digits or '-', starting with a letter and not ending with '-'");
        }
    }

    /// <summary>Checks the schedule time zone.</summary>
    public static void ValidateTimeZone(string? timeZone, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!IsValidTimeZone(timeZone))
        {
            problems.Add("scheduleTimeZone", "is not an IANA time zone", timeZone, "an IANA name such as 'Etc/UTC' or 'Europe/Istanbul'");
        }
    }

    /// <summary>Checks the tiers' targets, rules, windows, lifecycles and continuous backup.</summary>
    /// <param name="targets">The targets.</param>
    /// <param name="problems">Where problems are recorded.</param>
    /// <param name="scheduleTimeZone">The time zone the plans read their schedules in (the RPO check measures gaps there). Default: UTC.</param>
    public static void ValidateTargets(BackupTargets? targets, ValidationProblems problems, TimeZoneInfo? scheduleTimeZone = null)
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
                if (c.Retention < TimeSpan.FromDays(1) || c.Retention > MaxContinuousRetention || !WholeDays(c.Retention))
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

        if (rule.StartWindow < TimeSpan.FromHours(1) || !WholeMinutes(rule.StartWindow))
        {
            problems.Add($"{key}.startWindow", "start window is too short", rule.StartWindow, "whole minutes, at least 60m (AWS Backup minimum)");
        }

        if (rule.CompletionWindow < rule.StartWindow + TimeSpan.FromHours(1) || !WholeMinutes(rule.CompletionWindow))
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

    private static void ValidateLifecycle(string key, TimeSpan retention, TimeSpan? cold, ValidationProblems problems)
    {
        if (retention < TimeSpan.FromDays(1) || !WholeDays(retention))
        {
            problems.Add($"{key}.retention", "retention must be whole days, at least 1 day", retention, "1d or more in whole days");
        }

        if (retention > MaxLockRetention)
        {
            problems.Add($"{key}.retention", "retention is longer than AWS Backup allows", retention, "at most 36500d (100y)");
        }

        if (cold is { } c)
        {
            if (c < TimeSpan.FromDays(1) || !WholeDays(c))
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

    private static void ValidateDisasterRecovery(EcommerceBackupProps props, string? primaryAccount, string? primaryRegion, ValidationProblems problems)
    {
        var dr = props.DisasterRecovery;
        foreach (var (tier, rule, destination) in BackupTopology.CopiesOf(props.Targets))
        {
            if (destination == CopyDestination.DrRegion && string.IsNullOrEmpty(dr?.Region))
            {
                problems.Add("disasterRecovery.region", $"is required because targets.{tier.TagValue()}.rules.{rule} copies to the DR region", dr?.Region,
                    "a region name different from the primary region");
            }

            if (destination == CopyDestination.DrAccount && string.IsNullOrEmpty(dr?.Account))
            {
                problems.Add("disasterRecovery.account", $"is required because targets.{tier.TagValue()}.rules.{rule} copies to the DR account", dr?.Account,
                    "a 12-digit account id different from the primary account");
            }
        }

        if (dr is null)
        {
            return;
        }

        if (dr.Region is not null)
        {
            if (!AwsRegions.IsKnown(dr.Region))
            {
                problems.Add("disasterRecovery.region", "is not an AWS region", dr.Region, "a region name such as 'eu-west-1'");
            }
            else if (dr.Region == primaryRegion)
            {
                problems.Add("disasterRecovery.region", "is the primary region; a DR copy in the same region does not survive a regional outage", dr.Region,
                    $"any region other than '{primaryRegion}'");
            }
            else if (primaryRegion is not null && AwsRegions.IsKnown(primaryRegion) && AwsRegions.Partition(primaryRegion) != AwsRegions.Partition(dr.Region))
            {
                problems.Add("disasterRecovery.region", "is in another AWS partition; AWS Backup cannot copy across partitions", dr.Region,
                    $"a region of partition '{AwsRegions.Partition(primaryRegion)}'");
            }
        }

        if (dr.Account is not null)
        {
            if (!AccountPattern().IsMatch(dr.Account))
            {
                problems.Add("disasterRecovery.account", "is not an AWS account id", dr.Account, "12 digits");
            }
            else if (dr.Account == primaryAccount)
            {
                problems.Add("disasterRecovery.account", "is the primary account; a DR copy in the same account does not survive an account compromise", dr.Account,
                    $"any account other than '{primaryAccount}'");
            }
        }

        if (dr.AccountRegion is not null && !AwsRegions.IsKnown(dr.AccountRegion))
        {
            problems.Add("disasterRecovery.accountRegion", "is not an AWS region", dr.AccountRegion, "a region name such as 'eu-central-1'");
        }

        // A DR setting nothing uses would do nothing: the recovery vault stacks exist only for a destination some rule
        // copies to, and accountRegion only places the DR account's vault.
        var copies = BackupTopology.CopiesOf(props.Targets);
        if (dr.Region is not null && !copies.Any(c => c.Destination == CopyDestination.DrRegion))
        {
            problems.Add("disasterRecovery.region", "does nothing: no rule of any tier copies to the DR region", dr.Region,
                "no value, or a rule with a copy to 'drRegion'");
        }

        if (dr.Account is not null && !copies.Any(c => c.Destination is CopyDestination.DrAccount or CopyDestination.AirGapped))
        {
            problems.Add("disasterRecovery.account", "does nothing: no rule of any tier copies to the DR account", dr.Account,
                "no value, or a rule with a copy to 'drAccount'");
        }

        if (dr.AccountRegion is not null && dr.Account is null)
        {
            problems.Add("disasterRecovery.accountRegion", "does nothing without disasterRecovery.account: it places the DR account's vault", dr.AccountRegion,
                "no value, or disasterRecovery.account as well");
        }

        if (dr.OrganizationId is not null && !OrganizationPattern().IsMatch(dr.OrganizationId))
        {
            problems.Add("disasterRecovery.organizationId", "is not an AWS Organizations id", dr.OrganizationId, "'o-' followed by 10-32 lower-case letters or digits");
        }
    }

    private static void ValidateVaultLock(EcommerceBackupProps props, ValidationProblems problems)
    {
        var lockOptions = props.VaultLock;
        if (lockOptions is null)
        {
            problems.Add("vaultLock", "is missing", null, "vault lock options");
            return;
        }

        if (lockOptions.Mode == VaultLockMode.Compliance && !lockOptions.AcknowledgeComplianceModeIsIrreversible)
        {
            problems.Add("vaultLock.acknowledgeComplianceModeIsIrreversible",
                "compliance mode makes the lock and every recovery point's retention permanent after the grace time; acknowledge this explicitly",
                false, "true when vaultLock.mode is 'compliance'");
        }

        // ChangeableForDays: "Amazon Backup enforces a 72-hour cooling-off period before Vault Lock takes effect and becomes
        // immutable. Therefore, you must set ChangeableForDays to 3 or greater." ... "If this parameter is not specified,
        // you can delete Vault Lock from the vault using DeleteBackupVaultLockConfiguration or change the Vault Lock
        // configuration using PutBackupVaultLockConfiguration at any time."
        // (https://docs.amazonaws.cn/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupvault-lockconfigurationtype.html)
        // A governance lock is the one without ChangeableForDays, so there a grace time would do nothing.
        if (lockOptions.Mode == VaultLockMode.Governance && lockOptions.ChangeableFor is { } ignored)
        {
            problems.Add("vaultLock.changeableFor", "does nothing in governance mode: only a compliance-mode lock has a grace time", ignored,
                "no value with vaultLock.mode 'governance', or vaultLock.mode 'compliance'");
        }

        if (lockOptions.Mode == VaultLockMode.Compliance && lockOptions.ChangeableFor is { } grace && (grace < TimeSpan.FromDays(3) || !WholeDays(grace)))
        {
            problems.Add("vaultLock.changeableFor", "grace time is too short", grace, "whole days, at least 3d (AWS minimum)");
        }

        if (lockOptions.MinRetention is { } min && (min < TimeSpan.FromDays(1) || !WholeDays(min)))
        {
            problems.Add("vaultLock.minRetention", "must be whole days, at least 1 day", min, "1d to 36500d");
        }

        if (lockOptions.MaxRetention is { } max && (max > MaxLockRetention || !WholeDays(max) || max < TimeSpan.FromDays(1)))
        {
            problems.Add("vaultLock.maxRetention", "must be whole days, at most 36500 days", max, "1d to 36500d");
        }

        if (lockOptions.MinRetention is { } a && lockOptions.MaxRetention is { } b && a > b)
        {
            problems.Add("vaultLock.minRetention", "is longer than vaultLock.maxRetention", a, $"at most {DurationText.Format(b)}");
        }

        if (props.Targets is null)
        {
            return;
        }

        // The air-gapped vault has no Vault Lock options: AWS locks it in compliance mode and its limits are derived
        // (AirGappedVaultValidator checks its retentions).
        foreach (var role in Enum.GetValues<VaultRole>().Where(r => r != VaultRole.AirGapped))
        {
            var written = SafeRetentions(props.Targets, role);
            if (written.Count == 0)
            {
                continue;
            }

            var (lockMin, lockMax) = VaultLockLimits.Of(lockOptions, written);
            foreach (var (key, retention) in written)
            {
                if (retention < lockMin)
                {
                    problems.Add(key, $"is shorter than the {VaultRoleText(role)} vault lock's minimum retention; AWS Backup would fail every job", retention,
                        $"at least vaultLock.minRetention = {DurationText.Format(lockMin)}");
                }

                if (retention > lockMax)
                {
                    problems.Add(key, $"is longer than the {VaultRoleText(role)} vault lock's maximum retention; AWS Backup would fail every job", retention,
                        $"at most vaultLock.maxRetention = {DurationText.Format(lockMax)}");
                }
            }
        }
    }

    private static List<(string Key, TimeSpan Retention)> SafeRetentions(BackupTargets targets, VaultRole role)
    {
        try
        {
            return [.. BackupTopology.RetentionsWrittenInto(targets, role)];
        }
        catch (NullReferenceException)
        {
            // Missing parts are reported by ValidateTargets; nothing more to say about the lock.
            return [];
        }
    }

    private static string VaultRoleText(VaultRole role) => role switch
    {
        VaultRole.Primary => "primary",
        VaultRole.DrRegion => "DR-region",
        VaultRole.AirGapped => "air-gapped",
        _ => "DR-account",
    };

    private static void ValidateNotifications(NotificationOptions? notifications, ValidationProblems problems)
    {
        if (notifications is null)
        {
            return;
        }

        for (var i = 0; i < notifications.Emails.Count; i++)
        {
            if (!EmailPattern().IsMatch(notifications.Emails[i] ?? string.Empty))
            {
                problems.Add($"notifications.emails[{i}]", "is not an email address", notifications.Emails[i], "an address like 'oncall@example.com'");
            }
        }

        foreach (var e in notifications.VaultEvents)
        {
            if (VaultEvents.Deprecated.Contains(e))
            {
                problems.Add("notifications.vaultEvents", "is deprecated: AWS Backup accepts it but never sends it, so the alert would never arrive", e,
                    string.Join(", ", VaultEvents.Supported));
            }
            else if (!VaultEvents.Supported.Contains(e))
            {
                problems.Add("notifications.vaultEvents", "is not a backup vault event", e, string.Join(", ", VaultEvents.Supported));
            }
        }
    }

    /// <summary>Whether <paramref name="id"/> is an IANA time zone name (e.g. <c>Etc/UTC</c>, <c>Europe/Istanbul</c>).</summary>
    public static bool IsTimeZone(string? id) => IsValidTimeZone(id);

    private static bool IsValidTimeZone(string? id)
    {
        if (string.IsNullOrEmpty(id) || !id.Contains('/', StringComparison.Ordinal) && id != "UTC")
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) && !tz.Id.StartsWith("Windows", StringComparison.Ordinal);
    }

    private static bool WholeDays(TimeSpan value) => value.Ticks % TimeSpan.TicksPerDay == 0;

    private static bool WholeMinutes(TimeSpan value) => value.Ticks % TimeSpan.TicksPerMinute == 0;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,18}[a-z0-9]$")]
    private static partial Regex StoreNamePattern();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9\-_.]{1,50}$")]
    private static partial Regex RuleNamePattern();

    [GeneratedRegex("^o-[a-z0-9]{10,32}$")]
    private static partial Regex OrganizationPattern();

    [GeneratedRegex(ValueFormats.EmailAddress)]
    private static partial Regex EmailPattern();
}
