namespace EcommerceBackupCdk.Monitoring;

/// <summary>Props of <see cref="BackupTopic"/>.</summary>
public sealed record BackupTopicProps
{
    /// <summary>The store name; the topic is named <c>&lt;store&gt;-backup-&lt;purpose&gt;</c>.</summary>
    public required string StoreName { get; init; }

    /// <summary>What the topic carries, e.g. <c>alerts</c> or <c>dr-alerts</c>. Default: <c>alerts</c>.</summary>
    public string Purpose { get; init; } = "alerts";

    /// <summary>Email subscriptions. Default: none.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];
}
