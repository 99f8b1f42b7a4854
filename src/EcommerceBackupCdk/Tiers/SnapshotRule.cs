namespace EcommerceBackupCdk.Tiers;

/// <summary>A scheduled (snapshot) backup rule of a tier.</summary>
public sealed record SnapshotRule
{
    /// <summary>Rule name, unique within the tier; letters, digits, '-', '_' and '.', at most 50 characters.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// AWS Backup cron expression with six fields, e.g. <c>cron(0 * ? * * *)</c>. The minute field must be a single
    /// value: AWS Backup runs a rule at most once an hour.
    /// </summary>
    public required string Schedule
    {
        get => _schedule;
        init
        {
            _schedule = value;
            _cron = CronSchedule.TryParse(value, out var cron) ? cron : null;
        }
    }

    /// <summary>
    /// <see cref="Schedule"/> parsed once, when it is set; null when it is not a valid AWS Backup cron expression
    /// (the props validation reports it, naming the key).
    /// </summary>
    public CronSchedule? Cron => _cron;

    /// <summary>
    /// The longest gap between two runs with the schedule read in <paramref name="timeZone"/>
    /// (<see cref="CronSchedule.WorstCaseIntervalIn"/>); <see cref="TimeSpan.MaxValue"/> when the schedule does not
    /// parse, since such a rule never runs. The one place that fallback is decided.
    /// </summary>
    public TimeSpan WorstCaseIntervalIn(TimeZoneInfo timeZone) => _cron?.WorstCaseIntervalIn(timeZone) ?? TimeSpan.MaxValue;

    /// <summary>The longest gap between two runs in UTC (<see cref="WorstCaseIntervalIn"/>).</summary>
    public TimeSpan WorstCaseInterval => WorstCaseIntervalIn(TimeZoneInfo.Utc);

    /// <summary>How long recovery points are kept in the primary vault. Whole days, at least 1 day.</summary>
    public required TimeSpan Retention { get; init; }

    /// <summary>When recovery points move to cold storage. Default: never. Retention must then be at least this plus 90 days.</summary>
    public TimeSpan? MoveToColdStorageAfter { get; init; }

    /// <summary>How long after the scheduled time a job may start before it is cancelled. Default: 1 hour (the minimum AWS allows).</summary>
    public TimeSpan StartWindow { get; init; } = TierDefaults.StartWindow;

    /// <summary>How long a started job may run before it is cancelled. Default: 8 hours; must be at least the start window plus 1 hour.</summary>
    public TimeSpan CompletionWindow { get; init; } = TierDefaults.CompletionWindow;

    /// <summary>Copies made of each recovery point. Default: none.</summary>
    public IReadOnlyList<CopyTarget> Copies { get; init; } = [];

    // Set together by the Schedule initializer, so two rules with the same schedule stay equal.
    private readonly string _schedule = string.Empty;
    private readonly CronSchedule? _cron;
}
