using System.Globalization;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// Derives the Audit Manager controls of a tier from its targets, so no number is typed twice:
/// <list type="bullet">
/// <item>plan frequency and retention: the tier's most frequent snapshot rule (the check needs one rule meeting both);</item>
/// <item>recovery point minimum retention: the shortest retention the tier writes into the primary vault;</item>
/// <item>vault lock min/max: the primary vault's lock limits (<see cref="PropsValidator.LockLimits"/>);</item>
/// <item>cross-region / cross-account: the DR region / account, when a rule of the tier copies there;</item>
/// <item>last recovery point: the RPO or, when longer, the longest healthy gap between recovery points (schedule gap +
/// start window + completion window, <see cref="LongestAgeBetweenRecoveryPoints"/>), in whole hours or days, so it cannot flap;</item>
/// <item>restore time: the RTO in whole minutes, rounded up.</item>
/// </list>
/// </summary>
public static class AuditControls
{
    /// <summary>The controls of one tier.</summary>
    /// <param name="tier">The tier.</param>
    /// <param name="targets">All targets (the tier's and, for the lock limits, the others writing into the same vault).</param>
    /// <param name="vaultLock">The vault lock options.</param>
    /// <param name="drRegion">The DR region, or null when none.</param>
    /// <param name="drAccount">The DR account, or null when none.</param>
    public static TierControls ForTier(TierName tier, BackupTargets targets, VaultLockOptions vaultLock, string? drRegion, string? drAccount)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(vaultLock);
        var t = targets[tier];
        var controls = new List<AuditControl>();
        var skipped = new List<string>();
        var name = tier.TagValue();

        controls.Add(new AuditControl(BackupControls.ProtectedByBackupPlan, [], $"every resource tagged {TagContract.TierKey}={name} is selected by the {name} plan"));

        var frequent = t.Rules
            .Select(r => (Rule: r, Interval: CronSchedule.TryParse(r.Schedule, out var c) ? c.WorstCaseInterval : TimeSpan.MaxValue))
            .OrderBy(x => x.Interval).ThenByDescending(x => x.Rule.Retention)
            .First();
        if (Unit(frequent.Interval, maxHours: 24, maxDays: 31) is { } frequency)
        {
            controls.Add(new AuditControl(BackupControls.PlanMinFrequencyAndMinRetention,
            [
                Param(BackupControls.Parameters.RequiredRetentionDays, Days(frequent.Rule.Retention)),
                Param(BackupControls.Parameters.RequiredFrequencyUnit, frequency.Unit),
                Param(BackupControls.Parameters.RequiredFrequencyValue, frequency.Value),
            ], $"rule {frequent.Rule.Name}: {frequent.Rule.Schedule}, kept {DurationText.Format(frequent.Rule.Retention)}"));
        }
        else
        {
            skipped.Add($"{BackupControls.PlanMinFrequencyAndMinRetention}: the most frequent rule ({frequent.Rule.Name}) runs less often than every 31 days, which the control cannot express");
        }

        controls.Add(new AuditControl(BackupControls.RecoveryPointEncrypted, [], "every vault has a customer-managed KMS key"));

        var primary = PropsValidator.RetentionsWrittenInto(targets, VaultRole.Primary)
            .Where(w => w.Key.StartsWith($"targets.{name}.", StringComparison.Ordinal)).ToList();
        var shortest = primary.Min(w => w.Retention);
        controls.Add(new AuditControl(BackupControls.RecoveryPointMinimumRetention,
            [Param(BackupControls.Parameters.RequiredRetentionDays, Days(shortest))],
            $"the shortest retention the {name} tier writes into the primary vault ({primary.First(w => w.Retention == shortest).Key})"));

        var (lockMin, lockMax) = PropsValidator.LockLimits(vaultLock, PropsValidator.RetentionsWrittenInto(targets, VaultRole.Primary));
        controls.Add(new AuditControl(BackupControls.ProtectedByVaultLock,
        [
            Param(BackupControls.Parameters.MinRetentionDays, Days(lockMin)),
            Param(BackupControls.Parameters.MaxRetentionDays, Days(lockMax)),
        ], "the primary vault's lock limits"));

        var destinations = t.Rules.SelectMany(r => r.Copies).Select(c => c.Destination).ToHashSet();
        if (destinations.Contains(CopyDestination.DrRegion) && drRegion is not null)
        {
            controls.Add(new AuditControl(BackupControls.ProtectedByCrossRegion, [Param(BackupControls.Parameters.CrossRegionList, drRegion)],
                $"a rule of the {name} tier copies to the DR region"));
        }

        if (destinations.Contains(CopyDestination.DrAccount) && drAccount is not null)
        {
            controls.Add(new AuditControl(BackupControls.ProtectedByCrossAccount, [Param(BackupControls.Parameters.CrossAccountList, drAccount)],
                $"a rule of the {name} tier copies to the DR account"));
        }

        var (quietRule, quiet) = LongestAgeBetweenRecoveryPoints(t);
        var maxAge = quiet > t.Rpo ? quiet : t.Rpo;
        if (Unit(maxAge, maxHours: 744, maxDays: 31) is { } age)
        {
            controls.Add(new AuditControl(BackupControls.LastRecoveryPointCreated,
            [
                Param(BackupControls.Parameters.RecoveryPointAgeUnit, age.Unit),
                Param(BackupControls.Parameters.RecoveryPointAgeValue, age.Value),
            ], quiet > t.Rpo
                ? $"rule {quietRule}: up to {DurationText.Format(quiet)} between recovery points (schedule gap + start window + completion window), so a healthy plan never flaps; the RPO {DurationText.Format(t.Rpo)} is measured by the drills"
                : $"RPO {DurationText.Format(t.Rpo)}"));
        }
        else
        {
            skipped.Add(quiet > t.Rpo
                ? $"{BackupControls.LastRecoveryPointCreated}: rule {quietRule} can leave {DurationText.Format(quiet)} between recovery points, longer than the 31 days the control can express"
                : $"{BackupControls.LastRecoveryPointCreated}: RPO {DurationText.Format(t.Rpo)} is longer than the 31 days the control can express");
        }

        controls.Add(new AuditControl(BackupControls.RestoreTimeMeetsTarget,
            [Param(BackupControls.Parameters.MaxRestoreTime, ((long)Math.Ceiling(t.Rto.TotalMinutes)).ToString(CultureInfo.InvariantCulture))],
            $"RTO {DurationText.Format(t.Rto)} in minutes"));

        return new TierControls(controls, skipped);
    }

    /// <summary>The vault-level control: manual deletion disabled, with the break-glass principals exempted.</summary>
    public static AuditControl ManualDeletion(IReadOnlyList<string> breakGlassPrincipals)
    {
        ArgumentNullException.ThrowIfNull(breakGlassPrincipals);
        return breakGlassPrincipals.Count == 0
            ? new AuditControl(BackupControls.ManualDeletionDisabled, [], "no break-glass principal is exempted")
            : new AuditControl(BackupControls.ManualDeletionDisabled,
                [Param(BackupControls.Parameters.PrincipalArnList, string.Join(",", breakGlassPrincipals))], "break-glass principals from audit.breakGlassPrincipals");
    }

    /// <summary>
    /// A duration in the control's units: whole hours when under a day or not whole days (rounded up, at least 1),
    /// else whole days; null when it exceeds the limits.
    /// </summary>
    internal static (string Unit, string Value)? Unit(TimeSpan value, int maxHours, int maxDays)
    {
        if (value <= TimeSpan.Zero || value == TimeSpan.MaxValue)
        {
            return null;
        }

        var wholeDays = value.Ticks % TimeSpan.TicksPerDay == 0;
        if (!wholeDays || value < TimeSpan.FromDays(1) || (value <= TimeSpan.FromHours(maxHours) && value <= TimeSpan.FromHours(24)))
        {
            var hours = Math.Max(1, (long)Math.Ceiling(value.TotalHours));
            if (hours <= maxHours)
            {
                return ("hours", hours.ToString(CultureInfo.InvariantCulture));
            }

            var days = (long)Math.Ceiling(value.TotalDays);
            return days <= maxDays ? ("days", days.ToString(CultureInfo.InvariantCulture)) : null;
        }

        var d = (long)value.TotalDays;
        return d <= maxDays ? ("days", d.ToString(CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>
    /// The longest a resource of the tier can go without a new recovery point while every job succeeds: for the rule
    /// that bounds it best, its worst schedule gap plus its start window plus its completion window. A job may start
    /// as late as the start window — "A value in minutes after a backup is scheduled before a job will be canceled if it
    /// doesn't start successfully" — and then run for the completion window — "A value in minutes after a backup job is
    /// successfully started before it must be completed or it will be canceled by Backup"
    /// (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/backup/aws.sdk.kotlin.services.backup.model/-backup-rule/start-window-minutes.html,
    /// .../-backup-rule/completion-window-minutes.html). The previous point may have come at the very start of its
    /// window, so a BACKUP_LAST_RECOVERY_POINT_CREATED threshold below this bound (e.g. 1 hour for an hourly rule with a
    /// 60-minute start window) reports healthy resources as non-compliant whenever a job starts late; the rule behind it
    /// is periodic ("Trigger type: Periodic",
    /// https://docs.aws.amazon.com/config/latest/developerguide/s3-last-backup-recovery-point-created.html), so it can be
    /// evaluated at any moment of that gap.
    /// </summary>
    internal static (string Rule, TimeSpan Age) LongestAgeBetweenRecoveryPoints(TierTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return targets.Rules
            .Select(r => (r.Name, Age: CronSchedule.TryParse(r.Schedule, out var c) ? c.WorstCaseInterval + r.StartWindow + r.CompletionWindow : TimeSpan.MaxValue))
            .OrderBy(x => x.Age)
            .First();
    }

    private static KeyValuePair<string, string> Param(string name, string value) => KeyValuePair.Create(name, value);

    private static string Days(TimeSpan value) => ((long)Math.Ceiling(value.TotalDays)).ToString(CultureInfo.InvariantCulture);
}
