namespace EcommerceBackupCdk.Contract;

/// <summary>Names of what restore tests and store recovery create, which the functions' IAM policies are scoped to.</summary>
internal static class RestoreTestNames
{
    /// <summary>
    /// The tag every RDS/Aurora resource a restore test creates carries: AWSServiceRolePolicyForBackupRestoreTesting
    /// deletes only resources where <c>"Null": {"aws:ResourceTag/awsbackup-restore-test": "false"}</c>
    /// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceRolePolicyForBackupRestoreTesting.html);
    /// the drill flow's temporary Aurora instance carries it too.
    /// </summary>
    public const string TagKey = "awsbackup-restore-test";

    /// <summary>Suffix of the drill flow's temporary Aurora instance (<c>&lt;restored cluster&gt;-drill</c>).</summary>
    public const string TemporaryInstanceSuffix = "-drill";

    /// <summary>Prefix of every table, DB instance, DB cluster and bucket store recovery creates.</summary>
    public const string RecoveryPrefix = "recovery-";

    /// <summary>Tag on every resource store recovery restores: the execution name that created it.</summary>
    public const string RecoveryExecutionTag = "ecommerce-backup:recovery-execution";
}
