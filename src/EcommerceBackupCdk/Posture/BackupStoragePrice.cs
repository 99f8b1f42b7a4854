namespace EcommerceBackupCdk.Posture;

/// <summary>Backup storage price of one resource type.</summary>
/// <param name="WarmPerGbMonth">Warm storage, USD per GB-month.</param>
/// <param name="ColdPerGbMonth">Cold storage, USD per GB-month, or null when AWS Backup has no cold storage for the type (its rules' cold-storage transitions are ignored).</param>
public sealed record BackupStoragePrice(double WarmPerGbMonth, double? ColdPerGbMonth);
