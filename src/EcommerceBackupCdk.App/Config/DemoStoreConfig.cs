namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// The demo store (<c>ecommerceBackup.demoStore</c>): an Aurora MySQL orders cluster, a DynamoDB carts table and an S3
/// media bucket, tagged into tiers, so a synth shows the guard-rails and the posture report at work. Off by default;
/// the cdk.json demo config turns it on.
/// </summary>
internal sealed record DemoStoreConfig
{
    /// <summary>Whether the app synthesizes the demo store. Default: false.</summary>
    public bool Enabled { get; init; }

    /// <summary>Declared size of the orders database in GiB. Default: 50.</summary>
    public double OrdersGiB { get; init; } = 50;

    /// <summary>Declared size of the carts table in GiB. Default: 5.</summary>
    public double CartsGiB { get; init; } = 5;

    /// <summary>Declared size of the media bucket in GiB. Default: 200.</summary>
    public double MediaGiB { get; init; } = 200;
}
