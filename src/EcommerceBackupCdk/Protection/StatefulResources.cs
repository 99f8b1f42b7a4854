using Amazon.CDK;
using Amazon.CDK.AWS.RDS;
using Constructs;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// The CloudFormation resource types that hold store data and must be enrolled in a tier or excluded with a reason.
/// DB instances of an Aurora cluster are not listed on their own: AWS Backup protects the cluster.
/// </summary>
public static class StatefulResources
{
    /// <summary><c>AWS::DynamoDB::Table</c> (L1 <c>CfnTable</c>, L2 <c>Table</c>).</summary>
    public const string DynamoDbTable = "AWS::DynamoDB::Table";

    /// <summary><c>AWS::DynamoDB::GlobalTable</c> (L2 <c>TableV2</c>).</summary>
    public const string DynamoDbGlobalTable = "AWS::DynamoDB::GlobalTable";

    /// <summary><c>AWS::S3::Bucket</c>.</summary>
    public const string S3Bucket = "AWS::S3::Bucket";

    /// <summary><c>AWS::RDS::DBInstance</c> outside an Aurora cluster.</summary>
    public const string RdsInstance = "AWS::RDS::DBInstance";

    /// <summary><c>AWS::RDS::DBCluster</c> (Aurora).</summary>
    public const string RdsCluster = "AWS::RDS::DBCluster";

    /// <summary><c>AWS::EFS::FileSystem</c>.</summary>
    public const string EfsFileSystem = "AWS::EFS::FileSystem";

    /// <summary><c>AWS::EC2::Volume</c> (EBS).</summary>
    public const string EbsVolume = "AWS::EC2::Volume";

    /// <summary>Every stateful type.</summary>
    public static IReadOnlySet<string> Types { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        DynamoDbTable, DynamoDbGlobalTable, S3Bucket, RdsInstance, RdsCluster, EfsFileSystem, EbsVolume,
    };

    /// <summary>Whether the resource holds data that must be backed up (an Aurora member instance does not: its cluster does).</summary>
    public static bool IsStateful(IConstruct construct) =>
        construct is CfnResource resource && Types.Contains(resource.CfnResourceType) &&
        !(resource is CfnDBInstance instance && instance.DbClusterIdentifier is not null);

    /// <summary>Every stateful resource under a scope, in tree order.</summary>
    public static IReadOnlyList<CfnResource> In(IConstruct scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Node.FindAll().Where(IsStateful).Cast<CfnResource>().ToList();
    }
}
