namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// How urgent an alarm or job event is. The severity decides which topic is paged: <see cref="Critical"/> goes to the
/// alert topic, <see cref="Warning"/> to the warning topic when one is configured (else to the alert topic too).
/// </summary>
public enum AlarmSeverity
{
    /// <summary>Someone must act now: backups are failing or missing.</summary>
    Critical,

    /// <summary>Look at it today: copies, restores, aborted or slow jobs.</summary>
    Warning,
}
