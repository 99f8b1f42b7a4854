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

    /// <summary>
    /// A copy-job count that is right whichever vault AWS Backup names in <c>BackupVaultName</c> for a copy job: the
    /// sum of the metric under the source vault and under the destination vault. AWS documents the dimension only as
    /// "BackupVaultName" for every job metric (CloudWatch User Guide, supported metrics for AWS::Backup::BackupVault:
    /// <c>NumberOfCopyJobsFailed</c> "• BackupVaultName • BackupVaultName, ResourceType") and does not say whether a
    /// copy job counts under its source or its destination vault; an alarm on one of the two could stay silent forever.
    /// If AWS uses the source vault, every destination's alarm fires for a failed copy to any destination (the job-event
    /// message names the destination); if it uses the destination vault, only that destination's alarm fires.
    /// </summary>
    public static IMetric CopyCount(string metricName, string sourceVault, string destinationVault, TimeSpan period, string? label = null) =>
        new MathExpression(new MathExpressionProps
        {
            Expression = "FILL(source, 0) + FILL(destination, 0)",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["source"] = Count(metricName, sourceVault, period),
                ["destination"] = Count(metricName, destinationVault, period),
            },
            Period = Duration.Minutes(period.TotalMinutes),
            Label = label ?? $"{metricName} ({sourceVault} or {destinationVault})",
        });

    /// <summary>The running-copy gauge under either vault (see <see cref="CopyCount"/>): the larger of the two.</summary>
    public static IMetric CopyGauge(string metricName, string sourceVault, string destinationVault, TimeSpan period, string? label = null) =>
        new MathExpression(new MathExpressionProps
        {
            Expression = "MAX([FILL(source, 0), FILL(destination, 0)])",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["source"] = Gauge(metricName, sourceVault, period),
                ["destination"] = Gauge(metricName, destinationVault, period),
            },
            Period = Duration.Minutes(period.TotalMinutes),
            Label = label ?? $"{metricName} ({sourceVault} or {destinationVault})",
        });

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
