namespace EcommerceBackupCdk.Monitoring;

/// <summary>Props of <see cref="TamperAlerts"/>.</summary>
public sealed record TamperAlertsProps
{
    /// <summary>The store; rule names are <c>&lt;store&gt;-tamper-&lt;action&gt;-critical</c>.</summary>
    public required string StoreName { get; init; }

    /// <summary>The monitoring construct that routes the alerts (critical → its alert topic) and lists the rules.</summary>
    public required BackupMonitoring Monitoring { get; init; }

    /// <summary>Key ids and key ARNs (both, as callers may use either) of the vault keys whose scheduled deletion or disabling is alerted. Default: none (the key rule is left out).</summary>
    public IReadOnlyList<string> VaultKeyArns { get; init; } = [];

    /// <summary>An RDS/Aurora backup retention below this many days counts as lowered. Default: 1 — any change to 0 (backups off).</summary>
    public int MinimumDbRetentionDays { get; init; } = 1;

    /// <summary>Options. Default: denied attempts included.</summary>
    public TamperAlertOptions Options { get; init; } = new();
}
