namespace EcommerceBackupCdk.Drills;

/// <summary>Names of <see cref="DrillResourceType"/> as AWS Backup spells them.</summary>
public static class DrillResourceTypes
{
    /// <summary>Every type, in documented order.</summary>
    public static IReadOnlyList<DrillResourceType> All { get; } =
    [
        DrillResourceType.Aurora, DrillResourceType.Rds, DrillResourceType.DynamoDb,
        DrillResourceType.S3, DrillResourceType.Ebs, DrillResourceType.Efs,
    ];

    /// <summary>
    /// The <c>ProtectedResourceType</c> of a restore testing selection (AWS Backup API
    /// <c>RestoreTestingSelectionForCreate</c>): <c>Aurora</c>, <c>RDS</c>, <c>DynamoDB</c>, <c>S3</c>, <c>EBS</c>,
    /// <c>EFS</c>. The same string is the <c>ResourceType</c> of the restore job, which the validator uses as the
    /// <c>ResourceType</c> metric dimension.
    /// </summary>
    public static string ProtectedResourceType(this DrillResourceType type) => type switch
    {
        DrillResourceType.Aurora => "Aurora",
        DrillResourceType.Rds => "RDS",
        DrillResourceType.DynamoDb => "DynamoDB",
        DrillResourceType.S3 => "S3",
        DrillResourceType.Ebs => "EBS",
        DrillResourceType.Efs => "EFS",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown drill resource type."),
    };

    /// <summary>The CloudFormation types of the resources a drill of this type restores (for the posture report).</summary>
    public static IReadOnlyList<string> CloudFormationTypes(this DrillResourceType type) => type switch
    {
        DrillResourceType.Aurora => ["AWS::RDS::DBCluster"],
        DrillResourceType.Rds => ["AWS::RDS::DBInstance"],
        DrillResourceType.DynamoDb => ["AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable"],
        DrillResourceType.S3 => ["AWS::S3::Bucket"],
        DrillResourceType.Ebs => ["AWS::EC2::Volume"],
        DrillResourceType.Efs => ["AWS::EFS::FileSystem"],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown drill resource type."),
    };

    /// <summary>Parses an AWS Backup resource type name (case-sensitive, e.g. <c>DynamoDB</c>).</summary>
    public static bool TryParse(string? value, out DrillResourceType type)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ProtectedResourceType(), value, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>The allowed names, for error messages.</summary>
    public static string Allowed => string.Join(", ", All.Select(t => t.ProtectedResourceType()));

    /// <summary>Whether restored copies of the type are databases reached over the network (RDS, Aurora).</summary>
    public static bool IsDatabase(this DrillResourceType type) => type is DrillResourceType.Rds or DrillResourceType.Aurora;
}
