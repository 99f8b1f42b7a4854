namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// The AWS Backup Audit Manager control names and input parameter names used by <see cref="BackupAuditFramework"/>,
/// spelled as in the AWS Backup developer guide ("Controls and remediation", "Creating frameworks using the AWS
/// Backup API") and the CloudFormation samples of "Using AWS Backup Audit Manager with CloudFormation".
/// </summary>
public static class BackupControls
{
    /// <summary>Resources are protected by (selected into) at least one backup plan.</summary>
    public const string ProtectedByBackupPlan = "BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN";

    /// <summary>A backup plan has a rule at least as frequent and keeping at least as long as required.</summary>
    public const string PlanMinFrequencyAndMinRetention = "BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK";

    /// <summary>Recovery points are encrypted.</summary>
    public const string RecoveryPointEncrypted = "BACKUP_RECOVERY_POINT_ENCRYPTED";

    /// <summary>Vaults deny manual deletion of recovery points (except listed principals).</summary>
    public const string ManualDeletionDisabled = "BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED";

    /// <summary>Recovery points are kept at least the required number of days.</summary>
    public const string RecoveryPointMinimumRetention = "BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK";

    /// <summary>Resources are backed up into a vault locked with the given retention limits.</summary>
    public const string ProtectedByVaultLock = "BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK";

    /// <summary>Resources have a cross-region copy scheduled.</summary>
    public const string ProtectedByCrossRegion = "BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION";

    /// <summary>Resources have a cross-account copy scheduled.</summary>
    public const string ProtectedByCrossAccount = "BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT";

    /// <summary>
    /// Resources have a recovery point copied to a logically air-gapped vault within the given age. Spelled as in "Creating
    /// frameworks using the AWS Backup API" (<c>"ControlName":"RESOURCES_IN_LOGICALLY_AIR_GAPPED_VAULT"</c>,
    /// https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-frameworks-api.html). Not deployed by
    /// <see cref="AuditControls"/> (no tag scope; see its reason in the tier's skipped controls).
    /// </summary>
    public const string ResourcesInAirGappedVault = "RESOURCES_IN_LOGICALLY_AIR_GAPPED_VAULT";

    /// <summary>The newest recovery point of each resource is younger than the given age.</summary>
    public const string LastRecoveryPointCreated = "BACKUP_LAST_RECOVERY_POINT_CREATED";

    /// <summary>The latest restore of each resource finished within the given number of minutes.</summary>
    public const string RestoreTimeMeetsTarget = "RESTORE_TIME_FOR_RESOURCES_MEET_TARGET";

    /// <summary>Input parameter names.</summary>
    public static class Parameters
    {
        /// <summary>Unit of the required backup frequency: <c>hours</c> (at most 24) or <c>days</c> (at most 31).</summary>
        public const string RequiredFrequencyUnit = "requiredFrequencyUnit";

        /// <summary>Value of the required backup frequency.</summary>
        public const string RequiredFrequencyValue = "requiredFrequencyValue";

        /// <summary>Required retention in days.</summary>
        public const string RequiredRetentionDays = "requiredRetentionDays";

        /// <summary>Comma-separated IAM role ARNs exempted from the manual-deletion control (at most 5).</summary>
        public const string PrincipalArnList = "principalArnList";

        /// <summary>Vault lock minimum retention in days.</summary>
        public const string MinRetentionDays = "minRetentionDays";

        /// <summary>Vault lock maximum retention in days.</summary>
        public const string MaxRetentionDays = "maxRetentionDays";

        /// <summary>Regions copies must go to.</summary>
        public const string CrossRegionList = "crossRegionList";

        /// <summary>Accounts copies must go to.</summary>
        public const string CrossAccountList = "crossAccountList";

        /// <summary>Unit of the maximum recovery point age: <c>hours</c> (at most 744) or <c>days</c> (at most 31).</summary>
        public const string RecoveryPointAgeUnit = "recoveryPointAgeUnit";

        /// <summary>Value of the maximum recovery point age.</summary>
        public const string RecoveryPointAgeValue = "recoveryPointAgeValue";

        /// <summary>Maximum restore time in minutes.</summary>
        public const string MaxRestoreTime = "maxRestoreTime";
    }
}
