namespace EcommerceBackupCdk.RestoreDrill.Metrics;

/// <summary>
/// CloudWatch metric names the validator emits through Embedded Metric Format. The CDK side builds its
/// drill alarms and dashboard on exactly these; change them only together.
/// </summary>
public static class DrillMetrics
{
    public const string Namespace = "EcommerceBackup/RestoreDrill";

    /// <summary>Dimension: the STORE_NAME.</summary>
    public const string StoreDimension = "Store";

    /// <summary>Dimension: the AWS Backup resource type (DynamoDB, S3, RDS, Aurora, EBS, EFS, ...).</summary>
    public const string ResourceTypeDimension = "ResourceType";

    /// <summary>Seconds, restore job completion - creation (measured RTO). Not emitted for jobs without a completion date.</summary>
    public const string RestoreDurationSeconds = "RestoreDurationSeconds";

    /// <summary>Seconds, restore job creation - recovery point creation.</summary>
    public const string RecoveryPointAgeSeconds = "RecoveryPointAgeSeconds";

    /// <summary>Seconds, recovery point creation - newest order/cart in the restored data (measured RPO). Only when measured.</summary>
    public const string DataFreshnessSeconds = "DataFreshnessSeconds";

    /// <summary>1 when the drill succeeded (or was NOT_VALIDATED at data level but the restore completed), 0 when it failed. One per drill.</summary>
    public const string Success = "Success";

    /// <summary>1 when the data was examined (DynamoDB, S3, RDS/Aurora), 0 when the type has no data-level check.</summary>
    public const string DataValidated = "DataValidated";

    /// <summary>Unit string for every duration metric.</summary>
    public const string SecondsUnit = "Seconds";

    /// <summary>Unit string for Success and DataValidated.</summary>
    public const string CountUnit = "Count";
}
