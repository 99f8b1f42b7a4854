namespace EcommerceBackupCdk.Recovery;

/// <summary>
/// The public face of what the recovery function (<c>src/EcommerceBackupCdk.RestoreDrill</c>) and this construct agree
/// on. The values live in the shared contract source both projects compile (<c>src/Shared/Contract</c>:
/// <see cref="ContractHandlers"/>, <see cref="RestoreTestNames"/>, <see cref="BucketPrefixes"/>,
/// <see cref="RecoveryMetricNames"/>, <see cref="RecoveryVariables"/>).
/// </summary>
public static class RecoveryContract
{
    /// <summary>Lambda handler string of the recovery function (same package as the drill validator).</summary>
    public const string Handler = ContractHandlers.StoreRecovery;

    /// <summary>Prefix of every table, DB instance, DB cluster and bucket store recovery creates; IAM allows creating and deleting only these.</summary>
    public const string RestoredPrefix = RestoreTestNames.RecoveryPrefix;

    /// <summary>Tag every restored resource carries: the name of the execution that created it.</summary>
    public const string ExecutionTag = RestoreTestNames.RecoveryExecutionTag;

    /// <summary>Report key prefix in the drill report bucket.</summary>
    public const string ReportPrefix = BucketPrefixes.RecoveryReports;

    /// <summary>The newest recovery report, read by the evidence index.</summary>
    public const string LatestReportKey = BucketPrefixes.LatestRecoveryReport;

    /// <summary>EMF namespace of the recovery metrics.</summary>
    public const string MetricNamespace = RecoveryMetricNames.Namespace;

    /// <summary>Seconds from the start of the execution to the last resource validated (dimensions Store, Tier).</summary>
    public const string FullStackRtoSeconds = RecoveryMetricNames.FullStackRtoSeconds;

    /// <summary>Seconds from the start of the execution to one resource validated (dimensions Store, Resource).</summary>
    public const string ResourceRtoSeconds = RecoveryMetricNames.ResourceRtoSeconds;

    /// <summary>1 when the whole store was recovered and validated, 0 otherwise (dimensions Store, Tier).</summary>
    public const string Success = RecoveryMetricNames.Success;

    /// <summary>Environment: the role AWS Backup assumes for S3 restores.</summary>
    public const string BackupRoleEnvironment = RecoveryVariables.BackupRestoreRoleArn;

    /// <summary>Environment: DB instance class added to restored Aurora clusters.</summary>
    public const string AuroraInstanceClassEnvironment = RecoveryVariables.AuroraInstanceClass;
}
