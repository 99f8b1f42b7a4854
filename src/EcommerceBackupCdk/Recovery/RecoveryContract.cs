namespace EcommerceBackupCdk.Recovery;

/// <summary>
/// What the recovery function (<c>src/EcommerceBackupCdk.RestoreDrill</c>, <c>Handlers.RecoveryFunction</c> and
/// <c>Recovery.RecoveryNames</c>) and this construct agree on. The library cannot reference the Lambda project; a
/// contract test compares both. Change them together.
/// </summary>
public static class RecoveryContract
{
    /// <summary>Lambda handler string of the recovery function (same package as the drill validator).</summary>
    public const string Handler = "EcommerceBackupCdk.RestoreDrill::EcommerceBackupCdk.RestoreDrill.Handlers.RecoveryFunction::Handle";

    /// <summary>Prefix of every table, DB instance, DB cluster and bucket store recovery creates; IAM allows creating and deleting only these.</summary>
    public const string RestoredPrefix = "recovery-";

    /// <summary>Tag every restored resource carries: the name of the execution that created it.</summary>
    public const string ExecutionTag = "ecommerce-backup:recovery-execution";

    /// <summary>Report key prefix in the drill report bucket.</summary>
    public const string ReportPrefix = "recovery/";

    /// <summary>The newest recovery report, read by the evidence index.</summary>
    public const string LatestReportKey = "recovery/latest.json";

    /// <summary>EMF namespace of the recovery metrics.</summary>
    public const string MetricNamespace = "EcommerceBackup/StoreRecovery";

    /// <summary>Seconds from the start of the execution to the last resource validated (dimensions Store, Tier).</summary>
    public const string FullStackRtoSeconds = "FullStackRtoSeconds";

    /// <summary>Seconds from the start of the execution to one resource validated (dimensions Store, Resource).</summary>
    public const string ResourceRtoSeconds = "ResourceRtoSeconds";

    /// <summary>1 when the whole store was recovered and validated, 0 otherwise (dimensions Store, Tier).</summary>
    public const string Success = "Success";

    /// <summary>Environment: the role AWS Backup assumes for S3 restores.</summary>
    public const string BackupRoleEnvironment = "RECOVERY_BACKUP_ROLE_ARN";

    /// <summary>Environment: DB instance class added to restored Aurora clusters.</summary>
    public const string AuroraInstanceClassEnvironment = "RECOVERY_AURORA_INSTANCE_CLASS";
}
