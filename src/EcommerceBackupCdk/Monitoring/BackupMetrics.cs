using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// The <c>AWS/Backup</c> metrics as AWS publishes them: every 5 minutes, only when non-zero, with the dimension sets
/// <c>BackupVaultName</c> and <c>BackupVaultName, ResourceType</c> (CloudWatch User Guide, "Supported metrics" for
/// AWS::Backup::BackupVault; AWS Backup Developer Guide, "AWS Backup metrics with Amazon CloudWatch"). Job counts are
/// summed; the running gauges use the maximum. There is no job-duration metric.
/// </summary>
internal static class BackupMetrics
{
    public const string Namespace = "AWS/Backup";

    public const string BackupJobsCreated = "NumberOfBackupJobsCreated";
    public const string BackupJobsRunning = "NumberOfBackupJobsRunning";
    public const string BackupJobsCompleted = "NumberOfBackupJobsCompleted";
    public const string BackupJobsFailed = "NumberOfBackupJobsFailed";
    public const string BackupJobsExpired = "NumberOfBackupJobsExpired";

    // Listed in the AWS Backup metrics table ("the number of user cancelled backup jobs"), though not in CloudWatch's
    // tag-enrichment table; an alarm on a metric that never appears stays OK (missing data is not breaching).
    public const string BackupJobsAborted = "NumberOfBackupJobsAborted";

    public const string CopyJobsRunning = "NumberOfCopyJobsRunning";
    public const string CopyJobsCompleted = "NumberOfCopyJobsCompleted";
    public const string CopyJobsFailed = "NumberOfCopyJobsFailed";
    public const string RestoreJobsRunning = "NumberOfRestoreJobsRunning";
    public const string RestoreJobsCompleted = "NumberOfRestoreJobsCompleted";
    public const string RestoreJobsFailed = "NumberOfRestoreJobsFailed";

    public static Metric Count(string metricName, string vaultName, TimeSpan period, string? label = null) =>
        Of(metricName, vaultName, period, Stats.SUM, label);

    public static Metric Gauge(string metricName, string vaultName, TimeSpan period, string? label = null) =>
        Of(metricName, vaultName, period, Stats.MAXIMUM, label);

    private static Metric Of(string metricName, string vaultName, TimeSpan period, string statistic, string? label) => new(new MetricProps
    {
        Namespace = Namespace,
        MetricName = metricName,
        DimensionsMap = new Dictionary<string, string> { ["BackupVaultName"] = vaultName },
        Statistic = statistic,
        Period = Duration.Minutes(period.TotalMinutes),
        Label = label,
    });
}
