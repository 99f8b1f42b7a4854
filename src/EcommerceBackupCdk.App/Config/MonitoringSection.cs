using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// The <c>notifications</c> and <c>monitoring</c> keys. The rules of the values (email addresses, vault events, alarm
/// kinds, windows CloudWatch can evaluate) are the library's (<see cref="MonitoringValidator"/>).
/// </summary>
internal static class MonitoringSection
{
    public static NotificationOptions ReadNotifications(ConfigSection root) =>
        root.Section("notifications") is { } n
            ? new NotificationOptions
            {
                Emails = n.Strings("emails") ?? [],
                VaultEvents = n.Strings("vaultEvents") ?? VaultEvents.Default,
            }
            : new NotificationOptions();

    public static MonitoringOptions Read(ConfigSection root)
    {
        var defaults = new MonitoringOptions();
        if (root.Section("monitoring") is not { } m)
        {
            return defaults;
        }

        return new MonitoringOptions
        {
            WarningEmails = m.Strings("warningEmails") ?? [],
            Severities = ReadSeverities(m),
            MissingBackupsAfter = TierDurations(m, "missingBackupsAfter"),
            SlowJobsAfter = TierDurations(m, "slowJobsAfter"),
            SlowCopyAfter = m.Duration("slowCopyAfter") ?? defaults.SlowCopyAfter,
            SkipTiers = m.Tiers("skipTiers") ?? [],
            Dashboard = m.Bool("dashboard") ?? defaults.Dashboard,
        };
    }

    /// <summary>Severity by alarm kind; whether a kind exists is <see cref="MonitoringValidator"/>'s rule.</summary>
    private static Dictionary<string, AlarmSeverity> ReadSeverities(ConfigSection m)
    {
        var severities = new Dictionary<string, AlarmSeverity>();
        if (m.Section("severities") is not { } s)
        {
            return severities;
        }

        foreach (var prop in s.Members())
        {
            var text = prop.Value.ValueKind == System.Text.Json.JsonValueKind.String ? prop.Value.GetString()! : null;
            if (text is "critical" or "warning" && Enum.TryParse<AlarmSeverity>(text, ignoreCase: true, out var severity))
            {
                severities[prop.Name] = severity;
            }
            else if (AlarmKinds.All.Contains(prop.Name, StringComparer.Ordinal))
            {
                s.Problems.Add(s.KeyOf(prop.Name), "is not a severity", prop.Value.ToString(), "'critical' or 'warning'");
            }
            else
            {
                // An unknown kind is reported as such by the library's rule, whatever its severity says.
                severities[prop.Name] = AlarmSeverity.Warning;
            }
        }

        return severities;
    }

    private static Dictionary<TierName, TimeSpan> TierDurations(ConfigSection m, string name)
    {
        var result = new Dictionary<TierName, TimeSpan>();
        if (m.Section(name) is { } o)
        {
            foreach (var tier in TierNames.All)
            {
                if (o.Duration(tier.TagValue()) is { } value)
                {
                    result[tier] = value;
                }
            }
        }

        return result;
    }
}
