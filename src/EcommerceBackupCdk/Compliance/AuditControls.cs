using System.Globalization;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// Derives the Audit Manager controls of a tier from its targets, so no number is typed twice:
/// <list type="bullet">
/// <item>plan frequency and retention: the tier's most frequent snapshot rule (the check needs one rule meeting both);</item>
/// <item>recovery point minimum retention: the shortest retention the tier writes into the primary vault;</item>
/// <item>vault lock min/max: the primary vault's lock limits (<see cref="VaultLockLimits"/>);</item>
/// <item>cross-region / cross-account: the DR region / account, when a rule of the tier copies there (a copy to the
/// logically air-gapped vault, which lives in the DR account, counts as cross-account);</item>
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
            .Select(r => (Rule: r, Interval: r.WorstCaseInterval))
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

        var primaryWritten = BackupTopology.RetentionsWrittenInto(targets, VaultRole.Primary);
        var primary = primaryWritten
            .Where(w => w.Key.StartsWith($"targets.{name}.", StringComparison.Ordinal)).ToList();
        var shortest = primary.Min(w => w.Retention);
        controls.Add(new AuditControl(BackupControls.RecoveryPointMinimumRetention,
            [Param(BackupControls.Parameters.RequiredRetentionDays, Days(shortest))],
            $"the shortest retention the {name} tier writes into the primary vault ({primary.First(w => w.Retention == shortest).Key})"));

        var (lockMin, lockMax) = VaultLockLimits.Of(vaultLock, primaryWritten);
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

        // "Cross-account backup copy is scheduled — Description: Evaluates if a resource is configured to create copies of
        // its backups to another account. ... The destination account must be in the same organization as the source
        // account in AWS Organizations." (https://docs.aws.amazon.com/aws-backup/latest/devguide/controls-and-remediation.html).
        // The logically air-gapped vault lives in the DR account, so a copy into it is such a copy: its copy action's
        // destination ARN names the DR account exactly like the standard DR-account vault's. AWS does not say whether the
        // control looks at the destination vault's type; it is counted because the account is what the control names.
        var toDrAccount = destinations.Contains(CopyDestination.DrAccount);
        var toAirGapped = destinations.Contains(CopyDestination.AirGapped);
        if ((toDrAccount || toAirGapped) && drAccount is not null)
        {
            var where = (toDrAccount, toAirGapped) switch
            {
                (true, true) => "the DR account (its backup vault and its logically air-gapped vault)",
                (false, true) => "the logically air-gapped vault in the DR account",
                _ => "the DR account",
            };
            controls.Add(new AuditControl(BackupControls.ProtectedByCrossAccount, [Param(BackupControls.Parameters.CrossAccountList, drAccount)],
                $"a rule of the {name} tier copies to {where}"));
        }

        if (toAirGapped)
        {
            // "Resources in a logically air-gapped vault" (RESOURCES_IN_LOGICALLY_AIR_GAPPED_VAULT, parameters
            // recoveryPointAgeValue/recoveryPointAgeUnit) exists, but its "Scope: Resources by type; Single resource" has
            // no tag scope (https://docs.aws.amazon.com/aws-backup/latest/devguide/controls-and-remediation.html), so in an
            // account shared by several tiers it would judge every resource of a type, those of tiers that never copy to
            // the air-gapped vault included. It is reported here instead of deployed; the cross-account control above
            // and the copy-job alarms cover the copies. AWS Config's managed rules of the same purpose do take tags —
            // AURORA_RESOURCES_IN_LOGICALLY_AIR_GAPPED_VAULT: "resourceTags (Optional) Type: String Tags of Aurora DB
            // clusters for the rule to check, in JSON format."
            // (https://docs.aws.amazon.com/config/latest/developerguide/aurora-resources-in-logically-air-gapped-vault.html;
            // likewise S3_, EBS_, EC2_, EFS_...) — and the message points to them.
            skipped.Add($"{BackupControls.ResourcesInAirGappedVault}: the {name} tier copies to the logically air-gapped vault, but the control can only be scoped by resource type or resource id, not by the {TagContract.TierKey} tag; scope it by hand to the tier's resource ids, or use AWS Config's tag-scoped managed rules (e.g. AURORA_RESOURCES_IN_LOGICALLY_AIR_GAPPED_VAULT with resourceTags), if every copy must be evaluated");
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
            .Select(r => (r.Name, Age: r.Cron is null ? TimeSpan.MaxValue : r.WorstCaseInterval + r.StartWindow + r.CompletionWindow))
            .OrderBy(x => x.Age)
            .First();
    }

    private static KeyValuePair<string, string> Param(string name, string value) => KeyValuePair.Create(name, value);

    private static string Days(TimeSpan value) => ((long)Math.Ceiling(value.TotalDays)).ToString(CultureInfo.InvariantCulture);
}
