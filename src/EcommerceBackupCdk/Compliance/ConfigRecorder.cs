using Amazon.CDK.AWS.Config;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// The AWS Config recorder the Audit Manager controls need: it records the AWS Backup resources, the compliance
/// results and the resource types the tiers protect, and delivers into the evidence bucket. AWS allows one recorder
/// per account and region, so create it only where none exists (<see cref="AuditOptions.CreateConfigRecorder"/>).
/// </summary>
public sealed class ConfigRecorder : Construct
{
    /// <summary>Resource types recorded: what the controls evaluate plus the resource types the tiers protect.</summary>
    public static IReadOnlyList<string> RecordedTypes { get; } =
    [
        "AWS::Backup::BackupPlan",
        "AWS::Backup::BackupSelection",
        "AWS::Backup::BackupVault",
        "AWS::Backup::RecoveryPoint",
        "AWS::Config::ResourceCompliance",
        "AWS::RDS::DBInstance",
        "AWS::RDS::DBCluster",
        "AWS::DynamoDB::Table",
        "AWS::S3::Bucket",
        "AWS::EFS::FileSystem",
        "AWS::EC2::Volume",
        "AWS::EC2::Instance",
    ];

    /// <summary>Creates the role, the recorder and the delivery channel.</summary>
    public ConfigRecorder(Construct scope, string id, ConfigRecorderProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("config.amazonaws.com"),
            Description = "AWS Config recorder for the backup audit controls: reads resource configuration, delivers to the evidence bucket.",
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AWS_ConfigRole")],
        });
        NagSuppressions.Add(Role,
            ("AwsSolutions-IAM4", "AWS_ConfigRole is the policy AWS documents for configuration recorders; it tracks every Describe/List call AWS Config needs as resource types are added."));
        props.Evidence.AllowWriter(Role, EvidenceLayout.ConfigPrefix);
        Role.AddManagedPolicy(new ManagedPolicy(this, "DeliveryPolicy", new ManagedPolicyProps
        {
            Description = "AWS Config checks the evidence bucket before delivering (writes are granted by the bucket policy).",
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetBucketAcl", "s3:ListBucket"], Resources = [props.Evidence.Bucket.BucketArn] }),
            ],
        }));

        Recorder = new CfnConfigurationRecorder(this, "Resource", new CfnConfigurationRecorderProps
        {
            RoleArn = Role.RoleArn,
            RecordingGroup = new CfnConfigurationRecorder.RecordingGroupProperty
            {
                AllSupported = false,
                IncludeGlobalResourceTypes = false,
                ResourceTypes = RecordedTypes.ToArray(),
                RecordingStrategy = new CfnConfigurationRecorder.RecordingStrategyProperty { UseOnly = "INCLUSION_BY_RESOURCE_TYPES" },
            },
        });

        var channel = new CfnDeliveryChannel(this, "Delivery", new CfnDeliveryChannelProps
        {
            S3BucketName = props.Evidence.Bucket.BucketName,
            S3KeyPrefix = EvidenceLayout.ConfigPrefix,
            S3KmsKeyArn = props.Evidence.Key.KeyArn,
            ConfigSnapshotDeliveryProperties = new CfnDeliveryChannel.ConfigSnapshotDeliveryPropertiesProperty { DeliveryFrequency = "TwentyFour_Hours" },
        });
        if (props.Evidence.Bucket.Policy is { } policy)
        {
            channel.Node.AddDependency(policy);
        }

    }

    /// <summary>The role the recorder uses.</summary>
    public IRole Role { get; }

    /// <summary>The recorder.</summary>
    public CfnConfigurationRecorder Recorder { get; }
}
