namespace EcommerceBackupCdk.Plans;

/// <summary>What AWS accepts for malware scanning and backup indexes in a backup plan, each fact with its source.</summary>
public static class ResilienceFacts
{
    /// <summary>
    /// The only malware scanner: "The malware scanner to use for scanning. Currently only GUARDDUTY is supported." —
    /// https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ScanSetting.html
    /// </summary>
    public const string MalwareScanner = "GUARDDUTY";

    /// <summary>
    /// Resource types a scan job can scan: DescribeScanJob's <c>ResourceType</c> is "'EBS'|'EC2'|'S3'"
    /// (https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/backup/client/describe_scan_job.html);
    /// "scanning AWS Backup–protected resources such as Amazon EBS snapshots, Amazon EC2 AMIs, and Amazon S3 Recovery
    /// Points" (https://docs.aws.amazon.com/guardduty/latest/ug/malware-protection-backup.html).
    /// </summary>
    public static IReadOnlyList<string> ScannableResourceTypes { get; } = ["EBS", "EC2", "S3"];

    /// <summary>
    /// Resource types a backup index can be created for: "Valid values: EBS for Amazon Elastic Block Store, S3 for Amazon
    /// Simple Storage Service (Amazon S3)"; "0 or 1 index action will be accepted for each BackupRule." —
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupplan-indexactionsresourcetype.html
    /// </summary>
    public static IReadOnlyList<string> IndexableResourceTypes { get; } = ["EBS", "S3"];

    /// <summary>The resource type indexed for item-level search of product images and invoices.</summary>
    public const string IndexedResourceType = "S3";

    /// <summary>
    /// The service the scanner role is passed to: AWSBackupServiceRolePolicyForScans allows <c>iam:PassRole</c> with
    /// "iam:PassedToService": "malware-protection.guardduty.amazonaws.com" —
    /// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSBackupServiceRolePolicyForScans.html
    /// </summary>
    public const string ScannerServicePrincipal = "malware-protection.guardduty.amazonaws.com";

    /// <summary>
    /// Managed policy for the backup role that starts scans: "Provides AWS Backup permission to perform malware scans on
    /// your AWS Backup Recovery Points" (guardduty:StartMalwareScan, GetMalwareScan, iam:PassRole to GuardDuty).
    /// </summary>
    public const string BackupScanPolicy = "AWSBackupServiceRolePolicyForScans";

    /// <summary>
    /// Managed policy for the scanner role GuardDuty assumes: "Provides GuardDuty permission to read your AWS Backup recovery
    /// points for malware scans" — https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSBackupGuardDutyRolePolicyForScans.html
    /// </summary>
    public const string ScannerPolicy = "AWSBackupGuardDutyRolePolicyForScans";
}
