namespace EcommerceBackupCdk.Monitoring;

/// <summary>Who hears about backups.</summary>
public sealed record NotificationOptions
{
    /// <summary>Email addresses subscribed to the backup topic. Default: none (subscribe other endpoints to the topic yourself).</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>
    /// Vault events sent to the topic. Only events AWS Backup still emits are allowed (see
    /// <see cref="VaultEvents.Supported"/>). Default: <see cref="VaultEvents.Default"/>.
    /// </summary>
    public IReadOnlyList<string> VaultEvents { get; init; } = Monitoring.VaultEvents.Default;
}
