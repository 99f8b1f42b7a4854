using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.S3;
using Constructs;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Posture;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;

namespace EcommerceBackupCdk.App.Stacks;

/// <summary>
/// A small store's data layer: Aurora MySQL orders cluster (critical), DynamoDB carts table (critical), S3 media
/// bucket (standard), in an isolated VPC with flow logs. Backup settings (PITR, versioning, lifecycle, retention,
/// deletion protection on the table) are deliberately left to the guard-rail aspect, so the synth shows it at work.
/// </summary>
internal sealed class DemoStoreStack : Stack
{
    public DemoStoreStack(Construct scope, string id, DemoStoreStackProps props)
        : base(scope, id, props)
    {
        // Grant S3 log delivery through the bucket policy rather than the legacy LogDeliveryWrite ACL (AWS's
        // recommendation; ACLs stay disabled on the log bucket). Set before any bucket is created.
        Node.SetContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        if (props.ControlTowerStrict)
        {
            Node.SetContext(ControlTowerOptions.StrictContextKey, true);
        }

        var store = props.StoreName;
        var enrolledBy = $"Enrolled in AWS Backup by its {TagContract.TierKey} tag: the tier's tag selection in stack {props.BackupStackName} selects it " +
                         "(aws:ResourceTag condition); cdk-nag only recognises selections that list the resource's ARN in the same stack.";

        Key = new Key(this, "DataKey", new KeyProps
        {
            Alias = $"alias/{new PhysicalNames(store).DemoStoreKeyAlias}",
            Description = $"Encrypts the {store} demo store's orders, carts, media and flow logs; customer-managed so backups can be copied to the DR account.",
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        KmsGrantPolicy.LimitToAwsServices(Key);

        var logs = LogBucket();
        Vpc = DataVpc(logs);
        Orders = OrdersCluster(Vpc, Key, enrolledBy);
        DrillNetwork = DrillNetworkFor(store, Vpc);
        Carts = CartsTable(Key, enrolledBy);
        Media = MediaBucket(Key, logs);

        BackupEnrollment.Enroll(Orders, TierName.Critical);
        BackupEnrollment.Enroll(Carts, TierName.Critical);
        BackupEnrollment.Enroll(Media, TierName.Standard);
        DeclaredDataSize.Set(Orders, props.Config.OrdersGiB);
        DeclaredDataSize.Set(Carts, props.Config.CartsGiB);
        DeclaredDataSize.Set(Media, props.Config.MediaGiB);
    }

    public IKey Key { get; }

    public IVpc Vpc { get; }

    public DatabaseCluster Orders { get; }

    public Table Carts { get; }

    public Bucket Media { get; }

    /// <summary>Where restore drills put restored copies of the orders cluster, and where the validator runs.</summary>
    public DemoDrillNetwork DrillNetwork { get; }

    /// <summary>The deterministic name of the DB subnet group restore drills restore into.</summary>
    public static string DrillSubnetGroupName(string storeName) => new PhysicalNames(storeName).DrillSubnetGroup;

    // A DB subnet group with a fixed name, a security group admitting the VPC (the validator's subnets) on the orders
    // port, and the endpoints the validator needs in subnets without internet access: AWS Backup and RDS (interface),
    // S3 and DynamoDB (gateway).
    private DemoDrillNetwork DrillNetworkFor(string store, IVpc vpc)
    {
        var name = DrillSubnetGroupName(store);
        _ = new SubnetGroup(this, "DrillRestoreSubnetGroup", new SubnetGroupProps
        {
            SubnetGroupName = name,
            Description = $"Restore drills of {store}: restored orders copies go here (isolated subnets of the demo VPC).",
            Vpc = vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED },
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var restored = new SecurityGroup(this, "DrillRestoredDatabaseSecurityGroup", new SecurityGroupProps
        {
            Vpc = vpc,
            SecurityGroupName = name,
            AllowAllOutbound = false,
            Description = "Restored orders copies of restore drills - admits the drill validator (this VPC) on the orders port",
        });
        // The literal CIDR, not vpc.VpcCidrBlock: cdk-nag cannot check an ingress rule whose peer is an unresolved token
        // (CdkNagValidationFailure).
        restored.AddIngressRule(Peer.Ipv4(VpcCidr), Port.Tcp(3307), "restore drill validator (runs in this VPC) to the restored orders copy");
        vpc.AddGatewayEndpoint("S3Endpoint", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        vpc.AddGatewayEndpoint("DynamoDbEndpoint", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.DYNAMODB });
        // Open = false: CDK's open endpoint admits Peer.Ipv4(vpc.VpcCidrBlock), a token cdk-nag cannot check; the same
        // rule (HTTPS from this VPC) is added with the literal CIDR.
        foreach (var (id, service) in new[] { ("BackupEndpoint", InterfaceVpcEndpointAwsService.BACKUP), ("RdsEndpoint", InterfaceVpcEndpointAwsService.RDS) })
        {
            var endpoint = vpc.AddInterfaceEndpoint(id, new InterfaceVpcEndpointOptions { Service = service, PrivateDnsEnabled = true, Open = false });
            endpoint.Connections.AllowFrom(Peer.Ipv4(VpcCidr), Port.Tcp(443), "HTTPS from the restore drill validator (runs in this VPC)");
        }
        return new DemoDrillNetwork { Vpc = vpc, DbSubnetGroupName = name, RestoredDatabaseSecurityGroup = restored };
    }

    /// <summary>Aurora MySQL 3.10, a long-term-support release newer than CDK 2.160's version constants.</summary>
    private static AuroraMysqlEngineVersion OrdersEngineVersion => AuroraMysqlEngineVersion.Of("8.0.mysql_aurora.3.10.3", "8.0");

    /// <summary>
    /// The first two zones of the region, resolved by CloudFormation (<c>Fn::GetAZs</c>): an environment-specific
    /// stack would otherwise look them up in the account at synth time, which the demo must not need.
    /// </summary>
    public override string[] AvailabilityZones => [Fn.Select(0, Fn.GetAzs()), Fn.Select(1, Fn.GetAzs())];

    private Vpc DataVpc(IBucket logs)
    {
        var vpc = new Vpc(this, "Vpc", new VpcProps
        {
            IpAddresses = IpAddresses.Cidr(VpcCidr),
            MaxAzs = 2,
            NatGateways = 0,
            SubnetConfiguration = [new SubnetConfiguration { Name = "data", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 }],
            FlowLogs = new Dictionary<string, IFlowLogOptions>
            {
                // To S3: log delivery writes through the bucket policy, so no IAM role (and no inline policy) is needed.
                ["All"] = new FlowLogOptions { Destination = FlowLogDestination.ToS3(logs, FlowLogPrefix), TrafficType = FlowLogTrafficType.ALL },
            },
            RestrictDefaultSecurityGroup = false,
        });
        AllowFlowLogDelivery(logs);
        const string defaultGroup = "The VPC has only isolated subnets (no internet or NAT gateway) and the one workload in it, the orders cluster, uses its own security group with no rules opened; the default group is never attached. Closing it needs a custom-resource Lambda this stack otherwise does not have.";
        NagSuppressions.Add(vpc,
            ("NIST.800.53.R5-VPCDefaultSecurityGroupClosed", defaultGroup),
            ("PCI.DSS.321-VPCDefaultSecurityGroupClosed", defaultGroup),
            ("HIPAA.Security-VPCDefaultSecurityGroupClosed", defaultGroup));
        return vpc;
    }

    private const string FlowLogPrefix = "vpc-flow-logs/";

    /// <summary>The demo VPC's address range; security group rules use it literally so cdk-nag can check them.</summary>
    private const string VpcCidr = "10.42.0.0/16";

    /// <summary>
    /// The log delivery statements of the flow log's bucket, owned by this stack. Without them the service writes its
    /// own into the bucket policy when the flow log is created ("If the user creating the flow log owns the bucket and
    /// has PutBucketPolicy and GetBucketPolicy permissions for the bucket, we automatically attach the following policy
    /// to the bucket." - https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-s3-permissions.html), and the next
    /// stack update, which writes the policy CloudFormation knows, removes them again. Statements as on that page
    /// (AWSLogDeliveryWrite, AWSLogDeliveryAclCheck). Checked by Rules/FlowLogBucketDelivery.
    /// </summary>
    private void AllowFlowLogDelivery(IBucket logs)
    {
        var source = new Dictionary<string, object>
        {
            ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = $"arn:{Partition}:logs:{Region}:{Account}:*" },
        };
        logs.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AWSLogDeliveryWrite",
            Principals = [new ServicePrincipal("delivery.logs.amazonaws.com")],
            Actions = ["s3:PutObject"],
            Resources = [logs.ArnForObjects($"{FlowLogPrefix}AWSLogs/{Account}/*")],
            Conditions = new Dictionary<string, object>(source)
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Account, ["s3:x-amz-acl"] = "bucket-owner-full-control" },
            },
        }));
        logs.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AWSLogDeliveryAclCheck",
            Principals = [new ServicePrincipal("delivery.logs.amazonaws.com")],
            Actions = ["s3:GetBucketAcl", "s3:ListBucket"],
            Resources = [logs.BucketArn],
            Conditions = new Dictionary<string, object>(source)
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Account },
            },
        }));
    }

    private DatabaseCluster OrdersCluster(IVpc vpc, IKey key, string enrolledBy)
    {
        var securityGroup = new SecurityGroup(this, "OrdersSecurityGroup", new SecurityGroupProps
        {
            Vpc = vpc,
            AllowAllOutbound = false,
            Description = "Orders cluster - no inbound rule until the application security group of the store is allowed in",
        });
        var monitoringRole = new Role(this, "OrdersMonitoringRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("monitoring.rds.amazonaws.com"),
            Description = "Publishes RDS enhanced monitoring metrics of the orders cluster.",
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AmazonRDSEnhancedMonitoringRole")],
        });
        NagSuppressions.Add(monitoringRole,
            ("AwsSolutions-IAM4", "AmazonRDSEnhancedMonitoringRole is the AWS-maintained policy RDS documents for enhanced monitoring; it only allows writing to the RDSOSMetrics log group."));

        var cluster = new DatabaseCluster(this, "Orders", new DatabaseClusterProps
        {
            Engine = DatabaseClusterEngine.AuroraMysql(new AuroraMysqlClusterEngineProps { Version = OrdersEngineVersion }),
            // Replaced below by an RDS-managed master password; CDK 2.160's cluster has no option for it.
            Credentials = Credentials.FromPassword("orders_admin", SecretValue.UnsafePlainText("replaced-by-rds-managed-password")),
            Writer = ClusterInstance.Provisioned("Writer", new ProvisionedClusterInstanceProps
            {
                InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MEDIUM),
                AutoMinorVersionUpgrade = true,
            }),
            Vpc = vpc,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED },
            SecurityGroups = [securityGroup],
            Port = 3307,
            DefaultDatabaseName = "orders",
            StorageEncryptionKey = key,
            IamAuthentication = true,
            DeletionProtection = true,
            BacktrackWindow = Duration.Hours(24),
            CloudwatchLogsExports = ["audit", "error", "general", "slowquery"],
            MonitoringInterval = Duration.Seconds(60),
            MonitoringRole = monitoringRole,
            RemovalPolicy = RemovalPolicy.SNAPSHOT,
        });

        // The one escape hatch of the demo: RDS manages and rotates the master password in Secrets Manager
        // (ManageMasterUserPassword), so no password reaches the template and no rotation Lambda is needed.
        var cfn = (CfnDBCluster)cluster.Node.DefaultChild!;
        cfn.AddPropertyDeletionOverride("MasterUserPassword");
        cfn.ManageMasterUserPassword = true;
        cfn.MasterUserSecret = new CfnDBCluster.MasterUserSecretProperty { KmsKeyId = key.KeyArn };

        NagSuppressions.Add(cluster, ("NIST.800.53.R5-RDSInBackupPlan", enrolledBy), ("HIPAA.Security-RDSInBackupPlan", enrolledBy), ("PCI.DSS.321-RDSInBackupPlan", enrolledBy));
        const string member = "An Aurora DB instance is backed up through its cluster: AWS Backup protects the orders cluster, which its tier tag enrols; instances of a cluster cannot be backed up on their own.";
        NagSuppressions.AddToTree(cluster, ["AWS::RDS::DBInstance"],
            ("NIST.800.53.R5-RDSInBackupPlan", member), ("HIPAA.Security-RDSInBackupPlan", member), ("PCI.DSS.321-RDSInBackupPlan", member));
        return cluster;
    }

    private Table CartsTable(IKey key, string enrolledBy)
    {
        var table = new Table(this, "Carts", new TableProps
        {
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "cartId", Type = AttributeType.STRING },
            SortKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "itemId", Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Encryption = TableEncryption.CUSTOMER_MANAGED,
            EncryptionKey = key,
            TimeToLiveAttribute = "expiresAt",
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        NagSuppressions.Add(table, ("NIST.800.53.R5-DynamoDBInBackupPlan", enrolledBy), ("HIPAA.Security-DynamoDBInBackupPlan", enrolledBy), ("PCI.DSS.321-DynamoDBInBackupPlan", enrolledBy));
        return table;
    }

    private Bucket LogBucket()
    {
        var logs = new Bucket(this, "Logs", new BucketProps
        {
            // S3 delivers server access logs only to buckets with SSE-S3 default encryption.
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Versioned = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules = [new LifecycleRule { Id = "expire-logs", Expiration = Duration.Days(365), NoncurrentVersionExpiration = Duration.Days(30) }],
        });
        BackupEnrollment.Exclude(logs, "S3 access logs and VPC flow logs: diagnostics kept 1 year by lifecycle, not store data");
        const string selfLog = "This bucket is the log destination (S3 server access logs of the media bucket, VPC flow logs); logging it into another bucket would only log the log delivery.";
        const string sseS3 = "S3 server access logging delivers only to buckets whose default encryption is SSE-S3; SSE-KMS is not supported for the log destination.";
        const string noReplica = "Logs are diagnostics excluded from backup with a reason; a replica in another region would add cost for data nobody restores.";
        const string noLock = "Logs expire after a year by lifecycle; Object Lock would block that expiry.";
        NagSuppressions.Add(logs,
            ("AwsSolutions-S1", selfLog),
            ("NIST.800.53.R5-S3BucketLoggingEnabled", selfLog),
            ("PCI.DSS.321-S3BucketLoggingEnabled", selfLog),
            ("HIPAA.Security-S3BucketLoggingEnabled", selfLog),
            ("NIST.800.53.R5-S3DefaultEncryptionKMS", sseS3),
            ("PCI.DSS.321-S3DefaultEncryptionKMS", sseS3),
            ("HIPAA.Security-S3DefaultEncryptionKMS", sseS3),
            ("NIST.800.53.R5-S3BucketReplicationEnabled", noReplica),
            ("PCI.DSS.321-S3BucketReplicationEnabled", noReplica),
            ("HIPAA.Security-S3BucketReplicationEnabled", noReplica),
            ("NIST.800.53.R5-S3BucketDefaultLockEnabled", noLock),
            ("HIPAA.Security-S3BucketDefaultLockEnabled", noLock));
        ControlTowerControls.LogDestination(logs);
        ControlTowerControls.EventNotifications(logs, "Nothing reacts to log deliveries; logs are read when investigating.");
        return logs;
    }

    private Bucket MediaBucket(IKey key, IBucket logs)
    {
        var media = new Bucket(this, "Media", new BucketProps
        {
            Encryption = BucketEncryption.KMS,
            EncryptionKey = key,
            BucketKeyEnabled = true,
            ServerAccessLogsBucket = logs,
            ServerAccessLogsPrefix = "media/",
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        const string backedUp = "The media bucket is protected by AWS Backup (standard tier: daily and weekly recovery points in a locked vault, weekly copy to the DR-region vault) and by versioning; replication would duplicate that at a second storage bill.";
        const string noLock = "Object Lock would stop the store from deleting media it must erase (GDPR); immutability comes from the locked backup vault, and versioning keeps overwritten media for the tier's retention.";
        NagSuppressions.Add(media,
            ("NIST.800.53.R5-S3BucketReplicationEnabled", backedUp),
            ("PCI.DSS.321-S3BucketReplicationEnabled", backedUp),
            ("HIPAA.Security-S3BucketReplicationEnabled", backedUp),
            ("NIST.800.53.R5-S3BucketDefaultLockEnabled", noLock),
            ("HIPAA.Security-S3BucketDefaultLockEnabled", noLock));
        ControlTowerControls.EventNotifications(media, "The demo store has no media pipeline that reacts to uploads.");
        ControlTowerControls.ObjectLock(media, noLock);
        return media;
    }
}
