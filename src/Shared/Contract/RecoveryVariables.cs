namespace EcommerceBackupCdk.Contract;

/// <summary>
/// Environment variables the store recovery function reads in addition to <see cref="DrillVariables"/>
/// (<c>StoreRecovery</c> sets them; <c>RecoverySettings.FromEnvironment</c> reads them).
/// </summary>
internal static class RecoveryVariables
{
    /// <summary>Optional. Role AWS Backup assumes for S3 restores (StartRestoreJob IamRoleArn). Without it S3 buckets are refused by name.</summary>
    public const string BackupRestoreRoleArn = "RECOVERY_BACKUP_ROLE_ARN";

    /// <summary>Optional. DB instance class of the instance added to a restored Aurora cluster. Default db.t4g.medium.</summary>
    public const string AuroraInstanceClass = "RECOVERY_AURORA_INSTANCE_CLASS";
}
