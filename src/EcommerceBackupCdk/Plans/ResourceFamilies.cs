using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Plans;

/// <summary>
/// What AWS Backup and each service offer per <see cref="ResourceFamily"/>, each fact with its source. The rule
/// derivation, the plan selections and the posture's cost model read these facts and nothing else.
/// </summary>
public static class ResourceFamilies
{
    /// <summary>The families with a plan of their own where their derived rules differ from the tier's, in plan order.</summary>
    public static IReadOnlyList<ResourceFamily> Derived { get; } = [ResourceFamily.DynamoDb, ResourceFamily.Relational, ResourceFamily.S3];

    /// <summary>The family of a CloudFormation type (<see cref="ResourceFamily.Other"/> when none of the derived ones).</summary>
    public static ResourceFamily Of(string cloudFormationType) => cloudFormationType switch
    {
        StatefulResources.DynamoDbTable or StatefulResources.DynamoDbGlobalTable => ResourceFamily.DynamoDb,
        StatefulResources.RdsCluster or StatefulResources.RdsInstance => ResourceFamily.Relational,
        StatefulResources.S3Bucket => ResourceFamily.S3,
        _ => ResourceFamily.Other,
    };

    /// <summary>Lower-case name used in plan and selection names, e.g. <c>dynamodb</c>.</summary>
    public static string Slug(this ResourceFamily family) => family.ToString().ToLowerInvariant();

    /// <summary>
    /// The resource ARN patterns of a family's selection; they are ANDed with the tier-tag conditions, so resources
    /// created outside the app are still enrolled by tag. https://repost.aws/knowledge-center/backup-assign-resources:
    /// <c>"Resources": ["arn:aws:ec2:*:*:volume/*"]</c> with tag conditions — "In this example, Resources and Conditions
    /// are combined using the boolean value AND." ARN forms: DynamoDB <c>table/</c>, Aurora (and Neptune, DocumentDB)
    /// <c>cluster:</c>, RDS <c>db:</c>, S3 <c>arn:aws:s3:::bucket</c>. <see cref="ResourceFamily.Other"/> has none: its
    /// selection is <c>*</c> minus the derived families' patterns.
    /// </summary>
    public static IReadOnlyList<string> ArnPatterns(ResourceFamily family, string partition) => family switch
    {
        ResourceFamily.DynamoDb => [$"arn:{partition}:dynamodb:*:*:table/*"],
        ResourceFamily.Relational => [$"arn:{partition}:rds:*:*:cluster:*", $"arn:{partition}:rds:*:*:db:*"],
        ResourceFamily.S3 => [$"arn:{partition}:s3:::*"],
        _ => [],
    };

    /// <summary>
    /// Whether every backup stores the whole resource. DynamoDB: "Each time you create an on-demand backup, the entire
    /// table data is backed up." (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateBackup.html).
    /// The others are incremental: "For the first backup of an AWS resource, a full copy of your data is saved. For each
    /// incremental backup, only the changed part of your AWS resource is saved." (https://aws.amazon.com/backup/pricing/).
    /// </summary>
    public static bool StoresFullCopies(ResourceFamily family) => family == ResourceFamily.DynamoDb;

    /// <summary>
    /// Whether AWS Backup keeps a continuous (point-in-time) recovery point of the family. The continuous-backup
    /// retention page lists the continuous recovery points per service — "Amazon S3", "Amazon Aurora and Amazon RDS",
    /// "SAP HANA on Amazon EC2" — and no DynamoDB
    /// (https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery-retention-period.html).
    /// </summary>
    public static bool HasAwsBackupContinuous(ResourceFamily family) => family is ResourceFamily.Relational or ResourceFamily.S3;

    /// <summary>
    /// Whether the service has its own point-in-time recovery that the guard-rails turn on for every resource of the
    /// app: DynamoDB PITR ("LatestRestorableDateTime is typically 5 minutes before the current time",
    /// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoveryDescription.html) and
    /// RDS/Aurora automated backups (backup retention set by the guard-rails).
    /// </summary>
    public static bool HasNativePointInTimeRecovery(ResourceFamily family) => family is ResourceFamily.DynamoDb or ResourceFamily.Relational;

    /// <summary>
    /// Whether S3 backup tiering applies: "AWS Backup offers a lower-cost warm storage tier for Amazon S3 backups"; the
    /// resource type "is currently limited to S3" (https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-tiering.html,
    /// https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ResourceSelection.html).
    /// </summary>
    public static bool HasLowCostWarmTier(ResourceFamily family) => family == ResourceFamily.S3;
}
