using EcommerceBackupCdk.Protection;

namespace EcommerceBackupCdk.Vaults;

/// <summary>What AWS accepts for a logically air-gapped vault, each fact with its source. One home for every such fact.</summary>
public static class AirGappedVaultFacts
{
    /// <summary>The CloudFormation type (not in CDK 2.160's L1s, so <see cref="AirGappedVault"/> renders it raw).</summary>
    public const string CloudFormationType = "AWS::Backup::LogicallyAirGappedBackupVault";

    /// <summary>
    /// The shortest retention the vault accepts: "MinRetentionDays ... This setting specifies the minimum retention period
    /// that the vault retains its recovery points. The minimum value accepted is 7 days." —
    /// https://docs.aws.amazon.com/cdk/api/v2/python/aws_cdk.aws_backup/CfnLogicallyAirGappedBackupVaultProps.html
    /// (the CloudFormation property description).
    /// </summary>
    public static readonly TimeSpan MinRetention = TimeSpan.FromDays(7);

    /// <summary>
    /// The stateful CloudFormation types whose recovery points AWS documents as stored in a logically air-gapped vault.
    /// Aurora, EBS, EC2, EFS and S3: AWS Config has a managed rule "Checks if ... are in a logically air-gapped vault"
    /// for each (https://docs.aws.amazon.com/config/latest/developerguide/aurora-resources-in-logically-air-gapped-vault.html,
    /// .../ebs-..., .../ec2-..., .../efs-..., .../s3-resources-in-logically-air-gapped-vault.html). RDS DB instances:
    /// "Resources supported in a logically air-gapped vault include Amazon EC2, Amazon EBS, Amazon S3, Amazon EFS,
    /// Amazon RDS" (https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html, preview
    /// edition). DynamoDB is not in either source, so a DynamoDB table's copy is reported as not confirmed rather than
    /// assumed; check the "Feature availability by resource" table before relying on it.
    /// </summary>
    public static IReadOnlyList<string> DocumentedTypes { get; } =
    [
        StatefulResources.RdsCluster, StatefulResources.RdsInstance, StatefulResources.EbsVolume, "AWS::EC2::Instance",
        StatefulResources.EfsFileSystem, StatefulResources.S3Bucket,
    ];

    /// <summary>Whether AWS documents recovery points of a CloudFormation type as accepted by a logically air-gapped vault.</summary>
    public static bool Accepts(string cloudFormationType) => DocumentedTypes.Contains(cloudFormationType, StringComparer.Ordinal);
}
