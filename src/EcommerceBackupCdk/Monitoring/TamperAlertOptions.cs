namespace EcommerceBackupCdk.Monitoring;

/// <summary>Options of <see cref="TamperAlerts"/>.</summary>
public sealed record TamperAlertOptions
{
    /// <summary>
    /// Also alert on attempts AWS denied (events with an <c>errorCode</c>, e.g. <c>AccessDenied</c>): someone tried.
    /// Default: true.
    /// </summary>
    public bool IncludeDeniedAttempts { get; init; } = true;
}
