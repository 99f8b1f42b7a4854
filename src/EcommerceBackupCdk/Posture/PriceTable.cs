using EcommerceBackupCdk.Protection;

namespace EcommerceBackupCdk.Posture;

/// <summary>
/// The public AWS list prices the posture report's cost estimate uses, in one dated table. Prices are those of
/// US East (N. Virginia) as published on aws.amazon.com/backup/pricing, /rds/pricing, /dynamodb/pricing and
/// /s3/pricing; most European and Asian regions are 5–25% higher. Update <see cref="AsOf"/> with every change.
/// </summary>
public static class PriceTable
{
    /// <summary>The month the prices were read.</summary>
    public const string AsOf = "2025-11";

    /// <summary>The region whose prices these are.</summary>
    public const string Region = "us-east-1";

    /// <summary>Currency of every price.</summary>
    public const string Currency = "USD";

    /// <summary>DynamoDB continuous backup (PITR), per GB-month of table size.</summary>
    public const double DynamoDbPitrPerGbMonth = 0.20;

    /// <summary>AWS Backup cross-region copy data transfer, per GB.</summary>
    public const double CrossRegionTransferPerGb = 0.02;

    /// <summary>Backup storage prices per resource type.</summary>
    public static IReadOnlyDictionary<string, BackupStoragePrice> Storage { get; } = new Dictionary<string, BackupStoragePrice>(StringComparer.Ordinal)
    {
        // AWS Backup for DynamoDB (advanced features): full copies, cold storage supported.
        [StatefulResources.DynamoDbTable] = new(0.10, 0.03),
        [StatefulResources.DynamoDbGlobalTable] = new(0.10, 0.03),
        // S3 backup storage; no cold storage.
        [StatefulResources.S3Bucket] = new(0.05, null),
        // RDS snapshot storage beyond the free allowance; no cold storage.
        [StatefulResources.RdsInstance] = new(0.095, null),
        // Aurora backup storage beyond the free allowance; no cold storage.
        [StatefulResources.RdsCluster] = new(0.021, null),
        // EFS backup warm / cold.
        [StatefulResources.EfsFileSystem] = new(0.05, 0.01),
        // EBS snapshots standard / archive tier.
        [StatefulResources.EbsVolume] = new(0.05, 0.0125),
    };
}
