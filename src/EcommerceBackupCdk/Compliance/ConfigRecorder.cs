using Amazon.CDK;
using Amazon.CDK.AWS.Config;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// The AWS Config recorder the Audit Manager controls need: it records the AWS Backup resources, the compliance
/// results and the resource types the tiers protect, and delivers into a bucket of its own (AWS Config cannot deliver
/// into the Object Lock evidence bucket). "You can have only one delivery channel per region per AWS account"
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-config-deliverychannel.html), so an
/// account that already runs AWS Config (Control Tower, Security Hub) must not create it: keep
/// <see cref="AuditOptions.CreateConfigRecorder"/> false there and let the existing recorder record the types in
/// <see cref="RecordedTypes"/>.
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

    /// <summary>Creates the role, the recorder, its delivery bucket and the delivery channel.</summary>
    public ConfigRecorder(Construct scope, string id, ConfigRecorderProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("config.amazonaws.com"),
            Description = "AWS Config recorder for the backup audit controls: reads resource configuration, delivers to its own bucket.",
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AWS_ConfigRole")],
        });
        NagSuppressions.Add(Role,
            ("AwsSolutions-IAM4", "AWS_ConfigRole is the policy AWS documents for configuration recorders; it tracks every Describe/List call AWS Config needs as resource types are added."));

        // Not the evidence bucket: "AWS Config does not support the delivery channel to an Amazon S3 bucket bucket
        // where object lock is enabled." (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-config-deliverychannel.html).
        // Checked by Rules/ConfigDeliveryChannelBucket.
        DeliveryBucket = new Bucket(this, "DeliveryBucket", new BucketProps
        {
            EncryptionKey = props.Evidence.Key,
            Encryption = BucketEncryption.KMS,
            BucketKeyEnabled = true,
            EnforceSSL = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Versioned = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules = [new LifecycleRule { NoncurrentVersionExpiration = Duration.Days(90), AbortIncompleteMultipartUploadAfter = Duration.Days(1) }],
        });
        Tags.Of(DeliveryBucket).Add(Tiers.TagContract.ExcludeKey, Tiers.TagContract.ExcludeValue);
        Tags.Of(DeliveryBucket).Add(Tiers.TagContract.ExclusionReasonKey, "AWS Config snapshots and history: AWS Config's own record, not store data");
        ((CfnBucket)DeliveryBucket.Node.DefaultChild!).LoggingConfiguration = new CfnBucket.LoggingConfigurationProperty
        {
            DestinationBucketName = props.Evidence.AccessLogs.BucketName,
            LogFilePrefix = $"{EvidenceLayout.ConfigPrefix}/",
        };
        props.Evidence.AccessLogs.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowS3ServerAccessLogsOfConfigDelivery",
            Principals = [new ServicePrincipal("logging.s3.amazonaws.com")],
            Actions = ["s3:PutObject"],
            Resources = [props.Evidence.AccessLogs.ArnForObjects($"{EvidenceLayout.ConfigPrefix}/*")],
            Conditions = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = DeliveryBucket.BucketArn },
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
            },
        }));
        // Control Tower CT.S3.PR.9 can never hold here: "AWS Config does not support the delivery channel to an Amazon S3
        // bucket where object lock is enabled."
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-config-deliverychannel.html)
        ControlTowerControls.ObjectLock(DeliveryBucket,
            "AWS Config does not support a delivery channel into an S3 bucket with Object Lock enabled (AWS::Config::DeliveryChannel reference); the audit evidence itself sits in the Object Lock evidence bucket.",
            impossible: true);
        ControlTowerControls.EventNotifications(DeliveryBucket, "AWS Config writes its own snapshots and history here; nothing needs to react to each object.");
        const string replicationReason = "AWS Config's delivered snapshots can be re-created from the recorder; the audit evidence itself sits in the Object Lock evidence bucket.";
        NagSuppressions.Add(DeliveryBucket,
            ("NIST.800.53.R5-S3BucketReplicationEnabled", replicationReason),
            ("PCI.DSS.321-S3BucketReplicationEnabled", replicationReason),
            ("HIPAA.Security-S3BucketReplicationEnabled", replicationReason));

        // AWS Config writes with the role it is given: the bucket policy lets the role write under the prefix (a
        // resource policy, as for the evidence bucket's writers), the role's policy covers the checks and the key.
        DeliveryBucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowConfigDelivery",
            Principals = [new ArnPrincipal(Role.RoleArn)],
            Actions = ["s3:PutObject"],
            Resources = [DeliveryBucket.ArnForObjects($"{EvidenceLayout.ConfigPrefix}/*")],
        }));
        Role.AddManagedPolicy(new ManagedPolicy(this, "DeliveryPolicy", new ManagedPolicyProps
        {
            Description = "AWS Config checks its delivery bucket and encrypts with the evidence key (writes are granted by the bucket policy).",
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetBucketAcl", "s3:ListBucket"], Resources = [DeliveryBucket.BucketArn] }),
                new PolicyStatement(new PolicyStatementProps { Actions = ["kms:GenerateDataKey", "kms:Decrypt"], Resources = [props.Evidence.Key.KeyArn] }),
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

        DeliveryChannel = new CfnDeliveryChannel(this, "Delivery", new CfnDeliveryChannelProps
        {
            S3BucketName = DeliveryBucket.BucketName,
            S3KeyPrefix = EvidenceLayout.ConfigPrefix,
            S3KmsKeyArn = props.Evidence.Key.KeyArn,
            ConfigSnapshotDeliveryProperties = new CfnDeliveryChannel.ConfigSnapshotDeliveryPropertiesProperty { DeliveryFrequency = "TwentyFour_Hours" },
        });
        // "Before you can create a delivery channel, you must create a configuration recorder." (same page); there is
        // no reference between the two, so the order is explicit. Checked by Rules/ConfigDeliveryChannelOrder.
        DeliveryChannel.AddDependency(Recorder);
        if (DeliveryBucket.Policy is { } policy)
        {
            DeliveryChannel.Node.AddDependency(policy);
        }
    }

    /// <summary>The bucket AWS Config delivers into (no Object Lock: AWS Config cannot deliver to such a bucket).</summary>
    public IBucket DeliveryBucket { get; }

    /// <summary>The delivery channel (created after the recorder).</summary>
    public CfnDeliveryChannel DeliveryChannel { get; }

    /// <summary>The role the recorder uses.</summary>
    public IRole Role { get; }

    /// <summary>The recorder.</summary>
    public CfnConfigurationRecorder Recorder { get; }
}
