using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// Every default number and severity of the monitoring, in one place. AWS Backup publishes its <c>AWS/Backup</c>
/// metrics every 5 minutes and only when they are non-zero, so "no data" means "nothing happened": the failure and
/// slow-job alarms treat missing data as not breaching, the missing-backups alarm treats it as breaching.
/// </summary>
public static class MonitoringDefaults
{
    /// <summary>
    /// Period of the failure alarms (failed, expired, aborted backup jobs; failed copy and restore jobs): 1 hour, one
    /// period, at least one job. The alarm stays in ALARM for the hour after a failure, so a burst of failures pages
    /// once; the EventBridge rules still send one message per job.
    /// </summary>
    public static readonly TimeSpan FailurePeriod = TimeSpan.FromHours(1);

    /// <summary>Period of the missing-backups alarms: 1 hour, so their windows are whole hours.</summary>
    public static readonly TimeSpan MissingBackupsPeriod = TimeSpan.FromHours(1);

    /// <summary>Period of the slow-job alarms whose window is at most 1 day: 15 minutes (three 5-minute data points).</summary>
    public static readonly TimeSpan SlowJobsPeriod = TimeSpan.FromMinutes(15);

    /// <summary>Period of slow-job alarms whose window is longer than 1 day: 1 hour (CloudWatch allows sub-hour periods only up to a 1-day range).</summary>
    public static readonly TimeSpan LongSlowJobsPeriod = TimeSpan.FromHours(1);

    /// <summary>The longest range a CloudWatch alarm can evaluate (period × evaluation periods): 7 days.</summary>
    public static readonly TimeSpan MaxAlarmRange = TimeSpan.FromDays(7);

    /// <summary>The longest range of an alarm with a period under 1 hour: 1 day.</summary>
    public static readonly TimeSpan MaxShortPeriodAlarmRange = TimeSpan.FromDays(1);

    /// <summary>
    /// How long copy jobs may keep running before the slow-copy alarm fires: 24 hours. AWS Backup has no completion
    /// window for copies; a first cross-region copy of a large database takes hours, later ones are incremental.
    /// </summary>
    public static readonly TimeSpan SlowCopyAfter = TimeSpan.FromHours(24);

    /// <summary>The default severity of each <see cref="AlarmKinds">kind</see>.</summary>
    public static IReadOnlyDictionary<string, AlarmSeverity> Severities { get; } = new Dictionary<string, AlarmSeverity>
    {
        [AlarmKinds.BackupJobsFailed] = AlarmSeverity.Critical,
        [AlarmKinds.BackupJobsExpired] = AlarmSeverity.Critical,
        [AlarmKinds.BackupJobsAborted] = AlarmSeverity.Warning,
        [AlarmKinds.CopyJobsFailed] = AlarmSeverity.Warning,
        [AlarmKinds.RestoreJobsFailed] = AlarmSeverity.Warning,
        [AlarmKinds.MissingBackups] = AlarmSeverity.Critical,
        [AlarmKinds.SlowBackupJobs] = AlarmSeverity.Warning,
        [AlarmKinds.SlowCopyJobs] = AlarmSeverity.Warning,
        [AlarmKinds.BackupJobEvents] = AlarmSeverity.Critical,
        [AlarmKinds.CopyJobEvents] = AlarmSeverity.Warning,
        [AlarmKinds.RestoreJobEvents] = AlarmSeverity.Warning,
        [AlarmKinds.EventDeliveryFailed] = AlarmSeverity.Critical,
        [AlarmKinds.WorkflowExecutionsFailed] = AlarmSeverity.Critical,
        // The drill and store-recovery alarms paged the alert topic before they joined the monitoring: critical.
        [AlarmKinds.DrillFailed] = AlarmSeverity.Critical,
        [AlarmKinds.DrillRtoBreached] = AlarmSeverity.Critical,
        [AlarmKinds.DrillRecoveryPointTooOld] = AlarmSeverity.Critical,
        [AlarmKinds.DrillNoReport] = AlarmSeverity.Critical,
        [AlarmKinds.DrillDeadLetters] = AlarmSeverity.Critical,
        [AlarmKinds.StoreRecoveryRtoBreached] = AlarmSeverity.Critical,
    };

    /// <summary>
    /// How long a tier may go without a completed backup job before the missing-backups alarm fires: the interval of
    /// its most frequent rule (continuous backup's snapshot rule included) plus that rule's start and completion
    /// windows — the latest a run can complete when the previous one completed at once — rounded up to whole hours.
    /// Defaults: <c>critical</c> 1 h + 1 h + 2 h = 4 h, <c>standard</c> 24 h + 1 h + 8 h = 33 h, <c>archive</c>
    /// 31 d + 1 h + 24 h, longer than <see cref="MaxAlarmRange"/>, so the archive tier gets no such alarm (see
    /// <see cref="BackupMonitoring.TiersWithoutMissingBackupsAlarm"/>). Null when the tier has no valid schedule.
    /// </summary>
    public static TimeSpan? MissingBackupsAfter(TierTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var fastest = Schedules(targets).OrderBy(s => s.Interval).FirstOrDefault();
        return fastest.Interval == TimeSpan.Zero ? null : CeilTo(fastest.Interval + fastest.Start + fastest.Completion, MissingBackupsPeriod);
    }

    /// <summary>
    /// How long backup jobs of a tier may keep running before the slow-jobs alarm fires: the shorter of the tier's
    /// most frequent interval (a job still running at the next run makes that run expire, which breaks the RPO) and
    /// its longest completion window (AWS Backup cancels a job after it), rounded up to 15 minutes. Defaults:
    /// <c>critical</c> 1 h, <c>standard</c> 8 h, <c>archive</c> 24 h.
    /// </summary>
    public static TimeSpan? SlowJobsAfter(TierTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var schedules = Schedules(targets).ToList();
        if (schedules.Count == 0)
        {
            return null;
        }

        var limit = new[] { schedules.Min(s => s.Interval), schedules.Max(s => s.Completion) }.Min();
        return CeilTo(limit, SlowJobsPeriod);
    }

    /// <summary>The alarm period CloudWatch allows for a slow-job window: 15 minutes up to 1 day, else 1 hour.</summary>
    public static TimeSpan SlowPeriodFor(TimeSpan window) => window <= MaxShortPeriodAlarmRange ? SlowJobsPeriod : LongSlowJobsPeriod;

    private static IEnumerable<(TimeSpan Interval, TimeSpan Start, TimeSpan Completion)> Schedules(TierTargets targets)
    {
        foreach (var rule in targets.Rules ?? [])
        {
            if (CronSchedule.TryParse(rule.Schedule, out var cron))
            {
                yield return (cron.WorstCaseInterval, rule.StartWindow, rule.CompletionWindow);
            }
        }

        if (targets.Continuous is { } continuous && CronSchedule.TryParse(continuous.Schedule, out var c))
        {
            yield return (c.WorstCaseInterval, TierDefaults.StartWindow, TierDefaults.CompletionWindow);
        }
    }

    private static TimeSpan CeilTo(TimeSpan value, TimeSpan unit) =>
        TimeSpan.FromTicks((value.Ticks + unit.Ticks - 1) / unit.Ticks * unit.Ticks);
}
