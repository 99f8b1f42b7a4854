namespace EcommerceBackupCdk.Contract;

/// <summary>
/// The drill validator's Embedded Metric Format metrics; the construct's drill alarms and dashboard read exactly these.
/// </summary>
internal static class DrillMetricNames
{
    /// <summary>EMF namespace.</summary>
    public const string Namespace = "EcommerceBackup/RestoreDrill";

    /// <summary>Dimension: the store name.</summary>
    public const string StoreDimension = "Store";

    /// <summary>Dimension: the AWS Backup resource type (DynamoDB, S3, RDS, Aurora, EBS, EFS, ...).</summary>
    public const string ResourceTypeDimension = "ResourceType";

    /// <summary>Seconds, restore job completion - creation (measured RTO).</summary>
    public const string RestoreDurationSeconds = "RestoreDurationSeconds";

    /// <summary>Seconds, restore job creation - recovery point creation.</summary>
    public const string RecoveryPointAgeSeconds = "RecoveryPointAgeSeconds";

    /// <summary>Seconds, recovery point creation - newest order/cart in the restored data (measured RPO).</summary>
    public const string DataFreshnessSeconds = "DataFreshnessSeconds";

    /// <summary>1 when the drill succeeded, 0 when it failed; one datapoint per drill.</summary>
    public const string Success = "Success";

    /// <summary>1 when the data was examined, 0 when the type has no data-level check.</summary>
    public const string DataValidated = "DataValidated";
}
