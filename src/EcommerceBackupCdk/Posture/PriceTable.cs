using EcommerceBackupCdk.Protection;

namespace EcommerceBackupCdk.Posture;

/// <summary>
/// The public AWS list prices the posture report's cost estimate uses, in one dated table: US East (N. Virginia), as
/// published on https://aws.amazon.com/backup/pricing/, /rds/aurora/pricing/, /rds/pricing/ and /dynamodb/pricing/; most
/// European and Asian regions are 5–25% higher. Update <see cref="AsOf"/> with every change.
/// <para>
/// Checked 2026-12 (issue 14). The pricing pages render their price tables with script, so the stored page text carries
/// the rules (quoted next to each price) but not the figures; the figures below agree with third-party copies of the
/// same tables (factualminds.com "AWS Backup pricing breakdown — us-east-1, June 2026": "EFS warm at $0.05/GB-month,
/// DynamoDB continuous backup at $0.20/GB-month", "DynamoDB on-demand backup ... $0.10 / GB-month warm", "Cross-region
/// copies double the storage line plus $0.02/GB transfer"; druva.com on RDS: "billed upwards of $0.095/GB for your
/// backup"). Where no figure could be read it says so.
/// </para>
/// </summary>
public static class PriceTable
{
    /// <summary>The month the prices were last checked.</summary>
    public const string AsOf = "2026-12";

    /// <summary>The region whose prices these are.</summary>
    public const string Region = "us-east-1";

    /// <summary>Currency of every price.</summary>
    public const string Currency = "USD";

    /// <summary>
    /// DynamoDB continuous backup (PITR), per GB-month of table size. "DynamoDB charges for PITR based on the size of
    /// each DynamoDB table, including table data and local secondary indexes. Changing the recovery window (for example,
    /// from 35 days to 1 day) doesn't reduce the price."
    /// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html)
    /// </summary>
    public const double DynamoDbPitrPerGbMonth = 0.20;

    /// <summary>
    /// AWS Backup cross-region data transfer, per GB: "With AWS Backup, pay only for the backup storage you use, backup
    /// data transferred between AWS Regions, backup data you restore, and backup evaluations." (https://aws.amazon.com/backup/pricing/)
    /// </summary>
    public const double CrossRegionTransferPerGb = 0.02;

    /// <summary>
    /// S3 backups in the low-cost warm tier, per GB-month. No figure could be read; AWS says the tier "reduces long-term
    /// storage costs by up to 30%" (https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-tiering.html), so this
    /// is the S3 warm price less 30% — the best case. The one-time per-object transition fee ("you'll incur a one-time
    /// per-object transition fee based on the number of objects eligible for tiering") is not estimated.
    /// </summary>
    public const double S3LowCostWarmPerGbMonth = 0.035;

    /// <summary>Backup storage prices per resource type in a standard backup vault.</summary>
    public static IReadOnlyDictionary<string, BackupStoragePrice> Storage { get; } = new Dictionary<string, BackupStoragePrice>(StringComparer.Ordinal)
    {
        // AWS Backup for DynamoDB (advanced features): full copies; "Cold storage backup for DynamoDB is only available
        // when you opt in to advanced features for DynamoDB" (https://aws.amazon.com/backup/pricing/).
        [StatefulResources.DynamoDbTable] = new(0.10, 0.03),
        [StatefulResources.DynamoDbGlobalTable] = new(0.10, 0.03),
        // S3 backup storage; no cold storage ("Cold storage is currently only supported for backups of Amazon EFS, Amazon
        // DynamoDB, Amazon Timestream, SAP HANA on EC2 and VMware Backup", https://aws.amazon.com/backup/pricing/).
        [StatefulResources.S3Bucket] = new(0.05, null),
        // RDS snapshot storage beyond the free allowance; no cold storage.
        [StatefulResources.RdsInstance] = new(0.095, null),
        // Aurora backup storage beyond the free allowance ("There is no additional charge for backup storage of up to
        // 100% of your total Aurora database storage for each Aurora DB cluster.",
        // https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-storage-backup.html — the estimate ignores
        // that allowance, so it is high for Aurora); no cold storage.
        [StatefulResources.RdsCluster] = new(0.021, null),
        // EFS backup warm / cold.
        [StatefulResources.EfsFileSystem] = new(0.05, 0.01),
        // EBS snapshots standard / archive tier ("Cold storage back-up for EBS transitions back-ups to the EBS Snapshots
        // archive tier.", https://aws.eu/backup/pricing).
        [StatefulResources.EbsVolume] = new(0.05, 0.0125),
    };

    /// <summary>
    /// Backup storage prices per resource type in a logically air-gapped vault. "You can view the storage pricing for
    /// backups of supported services in a logically air-gapped vault on the AWS Backup pricing page."
    /// (https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html) — those figures could not
    /// be read, so this prices them as in a standard vault. Verify before relying on an air-gapped estimate.
    /// </summary>
    public static IReadOnlyDictionary<string, BackupStoragePrice> AirGappedStorage => Storage;
}
