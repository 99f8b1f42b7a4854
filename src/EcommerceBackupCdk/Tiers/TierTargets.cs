namespace EcommerceBackupCdk.Tiers;

/// <summary>
/// Recovery targets of one tier and the rules that meet them. Declared once; plans, guard-rails, alarms, drills and
/// audit controls are all derived from it.
/// </summary>
public sealed record TierTargets
{
    /// <summary>Recovery point objective: the most data, measured in time, the store accepts to lose.</summary>
    public required TimeSpan Rpo { get; init; }

    /// <summary>Recovery time objective: how long a restore may take. Drills measure against it.</summary>
    public required TimeSpan Rto { get; init; }

    /// <summary>Scheduled snapshot rules.</summary>
    public required IReadOnlyList<SnapshotRule> Rules { get; init; }

    /// <summary>Continuous backup (PITR). Default: none (only <c>critical</c> has it by default).</summary>
    public ContinuousBackup? Continuous { get; init; }

    /// <summary>The smallest guaranteed RPO that the rules and continuous backup of this tier achieve locally, schedules read in UTC.</summary>
    public TimeSpan AchievedRpo => AchievedRpoIn(TimeZoneInfo.Utc);

    /// <summary>
    /// The smallest guaranteed RPO with the schedules read in <paramref name="timeZone"/> (the plans'
    /// <c>ScheduleExpressionTimezone</c>; daylight-saving shifts change the gaps, <see cref="CronSchedule.WorstCaseIntervalIn"/>).
    /// </summary>
    public TimeSpan AchievedRpoIn(TimeZoneInfo timeZone) => Continuous is not null
        ? TierDefaults.ContinuousRpo
        : Rules.Select(r => r.WorstCaseIntervalIn(timeZone))
            .DefaultIfEmpty(TimeSpan.MaxValue).Min();

    /// <summary>The longest retention any rule, copy or continuous backup of this tier keeps a recovery point.</summary>
    public TimeSpan LongestRetention => Rules.Select(r => r.Retention)
        .Concat(Rules.SelectMany(r => r.Copies).Select(c => c.Retention))
        .Append(Continuous?.Retention ?? TimeSpan.Zero)
        .Max();
}
