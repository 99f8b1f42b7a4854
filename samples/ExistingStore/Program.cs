using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.S3;
using EcommerceBackupCdk;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Vaults;

// The store as it already was: a carts table, a media bucket and an Aurora orders cluster.
var app = new App();
var stack = new Stack(app, "ExistingStore", new StackProps
{
    Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-central-1" },
});
var carts = new Table(stack, "Carts", new TableProps
{
    PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "cartId", Type = AttributeType.STRING },
    BillingMode = BillingMode.PAY_PER_REQUEST,
});
var media = new Bucket(stack, "Media", new BucketProps { Encryption = BucketEncryption.S3_MANAGED });
var vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 0 });
var orders = new DatabaseCluster(stack, "Orders", new DatabaseClusterProps
{
    Engine = DatabaseClusterEngine.AuroraMysql(new AuroraMysqlClusterEngineProps { Version = AuroraMysqlEngineVersion.VER_3_07_1 }),
    Writer = ClusterInstance.Provisioned("Writer", new ProvisionedClusterInstanceProps { InstanceType = Amazon.CDK.AWS.EC2.InstanceType.Of(InstanceClass.R6G, InstanceSize.LARGE) }),
    Vpc = vpc,
    VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED },
});

// What the user adds: a tier per resource, and one line of backup.
Tags.Of(orders).Add(TagContract.TierKey, "critical");
Tags.Of(carts).Add(TagContract.TierKey, "critical");
Tags.Of(media).Add(TagContract.TierKey, "standard");
new EcommerceBackup(stack, "Backup", new EcommerceBackupProps
{
    StoreName = "existing",
    DisasterRecovery = new DisasterRecoveryOptions { Region = "eu-west-1", Account = "210987654321" },
});

app.Synth();
