using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// Options of the backup monitoring (config key <c>monitoring</c>). Every option has a default in
/// <see cref="MonitoringDefaults"/>; an empty record gives the documented monitoring.
/// </summary>
public sealed record MonitoringOptions
{
    /// <summary>
    /// Email addresses of a second, warning-only topic (<c>&lt;store&gt;-backup-warnings</c>). Default: none — then
    /// there is no warning topic and warnings go to the alert topic with the critical alarms.
    /// </summary>
    public IReadOnlyList<string> WarningEmails { get; init; } = [];

    /// <summary>
    /// Severity overrides keyed by <see cref="AlarmKinds">kind</see>, e.g. <c>copy-jobs-failed: critical</c>.
    /// Default: none (<see cref="MonitoringDefaults.Severities"/>).
    /// </summary>
    public IReadOnlyDictionary<string, AlarmSeverity> Severities { get; init; } = new Dictionary<string, AlarmSeverity>();

    /// <summary>
    /// Missing-backups windows per tier: whole hours from 1 h to 7 d. Default: derived from the tier's rules
    /// (<see cref="MonitoringDefaults.MissingBackupsAfter"/>).
    /// </summary>
    public IReadOnlyDictionary<TierName, TimeSpan> MissingBackupsAfter { get; init; } = new Dictionary<TierName, TimeSpan>();

    /// <summary>
    /// Slow-job windows per tier: multiples of 15 minutes up to 1 d, whole hours up to 7 d. Default: derived from the
    /// tier's rules (<see cref="MonitoringDefaults.SlowJobsAfter"/>).
    /// </summary>
    public IReadOnlyDictionary<TierName, TimeSpan> SlowJobsAfter { get; init; } = new Dictionary<TierName, TimeSpan>();

    /// <summary>How long copy jobs may keep running. Default: <see cref="MonitoringDefaults.SlowCopyAfter"/> (24 h).</summary>
    public TimeSpan SlowCopyAfter { get; init; } = MonitoringDefaults.SlowCopyAfter;

    /// <summary>
    /// Tiers that get no missing-backups or slow-jobs alarm, e.g. a tier no resource is enrolled in (its plan never
    /// runs, so its missing-backups alarm would never clear). Default: none.
    /// </summary>
    public IReadOnlyList<TierName> SkipTiers { get; init; } = [];

    /// <summary>Whether to create the CloudWatch dashboard. Default: true.</summary>
    public bool Dashboard { get; init; } = true;

    /// <summary>The severity of a kind: the override, else the default.</summary>
    public AlarmSeverity SeverityOf(string kind) =>
        Severities.TryGetValue(kind, out var s) ? s : MonitoringDefaults.Severities[kind];
}
