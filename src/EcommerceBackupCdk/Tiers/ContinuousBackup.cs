namespace EcommerceBackupCdk.Tiers;

/// <summary>
/// Continuous backup (point-in-time recovery) through AWS Backup for RDS, Aurora and S3, and the DynamoDB PITR
/// recovery period set by the guard-rails.
/// </summary>
public sealed record ContinuousBackup
{
    /// <summary>How far back a point-in-time restore can go. 1 to 35 days; continuous recovery points never go to cold storage.</summary>
    public required TimeSpan Retention { get; init; }

    /// <summary>
    /// Schedule of the continuous rule. AWS Backup requires one for the snapshot it takes alongside the continuous
    /// recovery point. Default: daily at 02:00.
    /// </summary>
    public string Schedule { get; init; } = "cron(0 2 ? * * *)";
}
