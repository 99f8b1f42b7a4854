namespace EcommerceBackupCdk.RestoreDrill.Validators.Sql;

/// <summary>What the order probe read: the number of orders and the newest order time (UTC), if any.</summary>
public sealed record SqlProbeResult(long OrderCount, DateTimeOffset? NewestOrderAt);
