namespace EcommerceBackupCdk.Drills;

/// <summary>
/// The resource types a restore drill can test. Each maps to the <c>ProtectedResourceType</c> name AWS Backup
/// expects in a restore testing selection (see <see cref="DrillResourceTypes.ProtectedResourceType"/>).
/// </summary>
public enum DrillResourceType
{
    /// <summary>Amazon Aurora clusters (<c>Aurora</c>).</summary>
    Aurora,

    /// <summary>Amazon RDS DB instances (<c>RDS</c>).</summary>
    Rds,

    /// <summary>Amazon DynamoDB tables (<c>DynamoDB</c>).</summary>
    DynamoDb,

    /// <summary>Amazon S3 buckets (<c>S3</c>).</summary>
    S3,

    /// <summary>Amazon EBS volumes (<c>EBS</c>).</summary>
    Ebs,

    /// <summary>Amazon EFS file systems (<c>EFS</c>).</summary>
    Efs,
}
