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
    public required string Schedule { get; init; }

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
}
