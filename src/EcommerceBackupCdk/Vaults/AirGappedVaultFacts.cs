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
    /// assumed; check the "Feature availability by resource" table before relying on it. (The guide now says "See the
    /// logically air-gapped vault column in Feature availability by resource for resources that can be copied to this
    /// vault" — https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-feature-availability.html — but the stored
    /// copy of that table lost its empty cells, so which row has a mark in that column could not be read; AWS Config's
    /// per-type rules list Aurora, EBS, EC2, EFS, S3 and Storage Gateway volumes, no DynamoDB.)
    /// </summary>
    public static IReadOnlyList<string> DocumentedTypes { get; } =
    [
        StatefulResources.RdsCluster, StatefulResources.RdsInstance, StatefulResources.EbsVolume, "AWS::EC2::Instance",
        StatefulResources.EfsFileSystem, StatefulResources.S3Bucket,
    ];

    /// <summary>
    /// How recovery points reach the vault: by copy. A backup rule may also write into a logically air-gapped vault directly,
    /// but only one of its own account and Region — <c>TargetLogicallyAirGappedBackupVaultArn</c>: "The ARN of a logically
    /// air-gapped vault. ARN must be in the same account and Region. If provided, supported fully managed resources back
    /// up directly to logically air-gapped vault, while other supported resources create a temporary (billable) snapshot
    /// in backup vault, then copy it to logically air-gapped vault. Unsupported resources only back up to the specified
    /// backup vault." (AWS SDK for .NET, Amazon.Backup.Model.BackupRule). <see cref="AirGappedVault"/> lives in the DR
    /// account, so every type reaches it through a copy action, whichever way AWS would back it up locally.
    /// </summary>
    public const bool ReachedByCopy = true;

    /// <summary>
    /// The ARN has the form of every vault ARN, <c>arn:&lt;partition&gt;:backup:&lt;region&gt;:&lt;account&gt;:backup-vault:&lt;name&gt;</c>:
    /// a recovery point's <c>BackupVaultArn</c> is "An Amazon Resource Name (ARN) that uniquely identifies a backup vault;
    /// for example, arn:aws:backup:us-east-1:123456789012:backup-vault:aBackupVault" while its <c>VaultType</c> is
    /// "BACKUP_VAULT for standard backup vaults and LOGICALLY_AIR_GAPPED_BACKUP_VAULT for logically air-gapped vaults"
    /// (AWS Backup API, RecoveryPointByResource), i.e. one ARN field for both kinds; the developer guide's describe-backup-vault
    /// example for an air-gapped vault returns <c>"BackupVaultArn": "arn:aws:backup:us-east-1:234567890123:backup-vault:IAD-LAGV-01",
    /// "VaultType": "LOGICALLY_AIR_GAPPED_BACKUP_VAULT"</c> (logicallyairgappedvault.html, "View logically air-gapped vault
    /// details"). Vault names: "Logically air-gapped
    /// backup vaults are identified by names that are unique to the account used to create them and the Region where
    /// they are created. They consist of lowercase letters, numbers, and hyphens." (CreateLogicallyAirGappedBackupVault,
    /// https://docs.aws.amazon.com/sdkfornet/v3/apidocs/items/Backup/TCreateLogicallyAirGappedBackupVaultResponse.html);
    /// the store name is lower case by validation, so <c>&lt;store&gt;-air-gapped</c> complies.
    /// </summary>
    public const string ArnResource = "backup-vault";

    /// <summary>
    /// Regions where our copies cannot reach a logically air-gapped vault. The vault type: "Available in most Regions
    /// supported by AWS Backup. Not currently available in Asia Pacific (Malaysia), Canada West (Calgary), China (Beijing),
    /// China (Ningxia), AWS GovCloud (US-East), or AWS GovCloud (US-West)."
    /// (https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html, Regions row). The copies into
    /// it: "Cross-Region and cross-account copy to a logically air-gapped vault is not currently available in Asia Pacific
    /// (Malaysia), Canada West (Calgary), Mexico (Central), Asia Pacific (Thailand), Asia Pacific (Taipei), Asia Pacific
    /// (New Zealand), China (Beijing), China (Ningxia), AWS GovCloud (US-East), or AWS GovCloud (US-West) Regions."
    /// (https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-feature-availability.html, footnote 1 of "Feature
    /// availability by AWS Region"). Our copies are cross-account, so both lists apply; the union, by region code. Asia
    /// Pacific (New Zealand) is not listed here because <see cref="Validation.AwsRegions"/> does not know its code, so a
    /// config naming it is refused as an unknown region already.
    /// </summary>
    public static IReadOnlySet<string> UnavailableRegions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ap-southeast-5", "ca-west-1", "mx-central-1", "ap-southeast-7", "ap-east-2",
        "cn-north-1", "cn-northwest-1", "us-gov-east-1", "us-gov-west-1",
    };

    /// <summary>
    /// The engines whose backups cannot be copied across Regions into the vault: "Cross-Region copy to or from a logically
    /// air-gapped vault is not currently available for backups that contain Amazon Aurora, Amazon DocumentDB, and Amazon
    /// Neptune." — https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html ("Considerations and
    /// limitations"). The relational selections enrol Aurora clusters by tag, so a vault in another Region than the
    /// primary is warned about by the facade.
    /// </summary>
    public static IReadOnlyList<string> NoCrossRegionCopy { get; } = ["Amazon Aurora", "Amazon DocumentDB", "Amazon Neptune"];

    /// <summary>Whether AWS documents recovery points of a CloudFormation type as accepted by a logically air-gapped vault.</summary>
    public static bool Accepts(string cloudFormationType) => DocumentedTypes.Contains(cloudFormationType, StringComparer.Ordinal);
}
