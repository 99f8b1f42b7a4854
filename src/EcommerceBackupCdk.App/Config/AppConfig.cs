namespace EcommerceBackupCdk.App.Config;

/// <summary>The deployment read from the <c>ecommerceBackup</c> context key, validated.</summary>
internal sealed record AppConfig
{
    /// <summary>Primary account id.</summary>
    public required string PrimaryAccount { get; init; }

    /// <summary>Primary region.</summary>
    public required string PrimaryRegion { get; init; }

    /// <summary>The library props.</summary>
    public required EcommerceBackupProps Backup { get; init; }

    /// <summary>Existing resources the drills reference by id or ARN.</summary>
    public DrillConfig Drills { get; init; } = new();

    /// <summary>Existing resources store recovery references by ARN.</summary>
    public RecoveryConfig Recovery { get; init; } = new();

    /// <summary>The demo store. Default: off.</summary>
    public DemoStoreConfig DemoStore { get; init; } = new();
}
