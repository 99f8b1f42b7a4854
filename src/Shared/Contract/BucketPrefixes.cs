namespace EcommerceBackupCdk.Contract;

/// <summary>
/// Key prefixes in the drill report and evidence buckets. Each folder name is declared once; the prefix with its
/// trailing '/' is derived from it (the evidence bucket's prefix-scoped grants take the folder name).
/// </summary>
internal static class BucketPrefixes
{
    /// <summary>Folder of the drill reports.</summary>
    public const string DrillReportsFolder = "drills";

    /// <summary>Drill reports: <c>drills/yyyy/MM/dd/&lt;restoreJobId&gt;.json</c>, dated by restore job creation (UTC).</summary>
    public const string DrillReports = DrillReportsFolder + "/";

    /// <summary>Store recovery reports in the drill report bucket.</summary>
    public const string RecoveryReports = "recovery/";

    /// <summary>The copy of the newest recovery report (read by the evidence index).</summary>
    public const string LatestRecoveryReport = RecoveryReports + "latest.json";

    /// <summary>Folder of the AWS Backup Audit Manager reports.</summary>
    public const string AuditReportsFolder = "backup-reports";

    /// <summary>AWS Backup Audit Manager reports: <c>backup-reports/Backup/&lt;account&gt;/&lt;region&gt;/yyyy/MM/dd/&lt;report plan&gt;/...</c>.</summary>
    public const string AuditReports = AuditReportsFolder + "/";

    /// <summary>Folder of the CloudTrail log and digest files.</summary>
    public const string TrailFolder = "cloudtrail";

    /// <summary>CloudTrail log and digest files: <c>cloudtrail/AWSLogs/&lt;account&gt;/CloudTrail[-Digest]/...</c>.</summary>
    public const string Trail = TrailFolder + "/";

    /// <summary>Folder of AWS Config snapshots and history: <c>config/AWSLogs/&lt;account&gt;/Config/...</c>.</summary>
    public const string ConfigFolder = "config";

    /// <summary>Folder of the evidence indexes.</summary>
    public const string EvidenceIndexFolder = "evidence-index";

    /// <summary>Evidence indexes: <c>evidence-index/yyyy-MM/index.{md,html,json}</c>.</summary>
    public const string EvidenceIndex = EvidenceIndexFolder + "/";
}
