namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// Where things live in the evidence bucket. The names come from the contract source the evidence index of the
/// restore-drill Lambda compiles too (<see cref="BucketPrefixes"/>).
/// </summary>
public static class EvidenceLayout
{
    /// <summary>AWS Backup Audit Manager reports: <c>backup-reports/Backup/&lt;account&gt;/&lt;region&gt;/yyyy/MM/dd/&lt;report plan&gt;/...</c>.</summary>
    public const string ReportsPrefix = BucketPrefixes.AuditReportsFolder;

    /// <summary>CloudTrail log and digest files: <c>cloudtrail/AWSLogs/&lt;account&gt;/CloudTrail[-Digest]/...</c>.</summary>
    public const string TrailPrefix = BucketPrefixes.TrailFolder;

    /// <summary>Restore drill reports written by the drill validator: <c>drills/yyyy/MM/dd/&lt;restore job id&gt;.json</c>.</summary>
    public const string DrillsPrefix = BucketPrefixes.DrillReportsFolder;

    /// <summary>AWS Config snapshots and history, when the recorder is created here: <c>config/AWSLogs/&lt;account&gt;/Config/...</c>.</summary>
    public const string ConfigPrefix = BucketPrefixes.ConfigFolder;

    /// <summary>Evidence indexes: <c>evidence-index/yyyy-MM/index.{md,html,json}</c>.</summary>
    public const string IndexPrefix = BucketPrefixes.EvidenceIndexFolder;

    /// <summary>
    /// The service the Backup Audit Manager service-linked role belongs to: "The AWSServiceRoleForBackupReports
    /// service-linked role trusts the following services to assume the role: reports.backup.amazonaws.com"
    /// (https://docs.amazonaws.cn/aws-backup/latest/devguide/using-service-linked-roles-AWSServiceRoleForBackupReports.md).
    /// </summary>
    public const string ReportsService = "reports.backup.amazonaws.com";

    /// <summary>The service-linked role AWS Backup Audit Manager delivers reports with.</summary>
    public static string ReportsRoleArn(string partition, string account) =>
        $"arn:{partition}:iam::{account}:role/aws-service-role/{ReportsService}/AWSServiceRoleForBackupReports";
}
