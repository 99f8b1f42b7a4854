namespace EcommerceBackupCdk.Tiers;

/// <summary>
/// A family of resource types that AWS Backup protects the same way (full or incremental backups, continuous backup or
/// not, cold storage or not). Rules are derived per tier and family (<see cref="Plans.RuleDerivation"/>).
/// </summary>
public enum ResourceFamily
{
    /// <summary>DynamoDB tables: every backup is a full copy; point-in-time recovery is DynamoDB's own (native PITR).</summary>
    DynamoDb,

    /// <summary>RDS instances and Aurora clusters: incremental snapshots; AWS Backup continuous backup (PITR).</summary>
    Relational,

    /// <summary>S3 buckets: incremental backups; AWS Backup continuous backup; the low-cost warm tier (tiering).</summary>
    S3,

    /// <summary>Every other type AWS Backup supports (EBS, EFS, EC2, FSx, ...): the tier's rules unchanged.</summary>
    Other,
}
