using EcommerceBackupCdk.Topology;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// The alarm, rule and dashboard names of the monitoring, so that an on-call engineer can tell from the name alone
/// which store, what and how urgent: <c>&lt;store&gt;-&lt;what&gt;-&lt;severity&gt;</c>, e.g.
/// <c>acme-backup-jobs-failed-critical</c>, <c>acme-missing-backups-critical-tier-critical</c>,
/// <c>acme-dr-region-restore-jobs-failed-warning</c>. Every name is built by <see cref="PhysicalNames"/>; these are
/// its shortcuts for callers that have only a store name.
/// </summary>
public static class MonitoringNames
{
    /// <summary>EventBridge rule names are at most 64 characters.</summary>
    public const int MaxRuleNameLength = PhysicalNames.MaxRuleNameLength;

    /// <summary>The name of an alarm or rule (<see cref="PhysicalNames.Alarm"/>).</summary>
    /// <param name="storeName">The store.</param>
    /// <param name="what">What is watched, one of <see cref="AlarmKinds"/>, optionally qualified (see <see cref="What"/>).</param>
    /// <param name="severity">The severity.</param>
    public static string For(string storeName, string what, AlarmSeverity severity) =>
        new PhysicalNames(storeName).Alarm(what, severity);

    /// <summary>
    /// The <c>what</c> part: the kind, prefixed by the vault label of a recovery vault (e.g. <c>dr-region</c>) and
    /// suffixed by a qualifier such as the tier (<c>critical-tier</c>) or copy destination (<c>to-dr-region</c>).
    /// </summary>
    public static string What(string kind, string? label = null, string? qualifier = null) => PhysicalNames.What(kind, label, qualifier);

    /// <summary>The dashboard name, e.g. <c>acme-backup</c>.</summary>
    public static string Dashboard(string storeName) => new PhysicalNames(storeName).Dashboard;

    /// <summary>The lower-case severity as used in names and config, e.g. <c>critical</c>.</summary>
    public static string SeverityText(AlarmSeverity severity) => PhysicalNames.SeverityText(severity);
}
