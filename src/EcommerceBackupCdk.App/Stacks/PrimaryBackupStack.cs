using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SecretsManager;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.Drills;
using Constructs;

namespace EcommerceBackupCdk.App.Stacks;

/// <summary>The stack of the primary account and region: vault, plans, alerts, restore drills.</summary>
internal sealed class PrimaryBackupStack : Stack
{
    public PrimaryBackupStack(Construct scope, string id, PrimaryBackupStackProps props)
        : base(scope, id, props)
    {
        var recovery = props.Recovery.S3RestoreRoleArn is { } roleArn
            ? props.Backup.Recovery with { S3RestoreRole = Role.FromRoleArn(this, "RecoveryS3RestoreRole", roleArn, new FromRoleArnOptions { Mutable = false }) }
            : props.Backup.Recovery;
        Backup = new EcommerceBackup(this, "Backup", props.Backup with { Drills = WithDemoNetwork(WithReferences(props.Backup.Drills, props.Drills), props), Recovery = recovery });
    }

    public EcommerceBackup Backup { get; }

    // Restore testing overrides must put restored RDS/Aurora copies into a subnet group and security group the validator
    // reaches ("AWS Backup can infer that a resource should be restored to the default setting, such as ... an Amazon RDS
    // cluster restored to the default VPC. However, if the default is not present ... the restore will not be
    // successful", https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing-inferred-metadata.html). With the
    // demo store and no drill network in the config, the demo store's deterministic names are used.
    private static DrillOptions WithDemoNetwork(DrillOptions options, PrimaryBackupStackProps props)
    {
        if (props.DemoDrillNetwork is not { } demo || options.Network is not null || options.DbSubnetGroupName is not null)
        {
            return options;
        }

        return options with
        {
            Network = new ValidatorNetwork { Vpc = demo.Vpc, Subnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED } },
            DbSubnetGroupName = demo.DbSubnetGroupName,
            DbSecurityGroupIds = [demo.RestoredDatabaseSecurityGroup.SecurityGroupId],
        };
    }

    // The config names existing secrets and networks by ARN and id; here they become typed references.
    private DrillOptions WithReferences(DrillOptions options, DrillConfig config)
    {
        var secrets = new Dictionary<string, ISecret>(StringComparer.Ordinal);
        ISecret SecretFor(string arn)
        {
            if (!secrets.TryGetValue(arn, out var secret))
            {
                secret = Secret.FromSecretCompleteArn(this, $"DrillSecret{secrets.Count}", arn);
                secrets[arn] = secret;
            }

            return secret;
        }

        var resources = options.Resources
            .Select((r, i) => config.ResourceSecretArns.TryGetValue(i, out var arn) ? r with { DatabaseSecret = SecretFor(arn) } : r)
            .ToList();

        ValidatorNetwork? network = null;
        if (config.Network is { } n)
        {
            var vpc = Vpc.FromVpcAttributes(this, "DrillVpc", new VpcAttributes
            {
                VpcId = n.VpcId,
                AvailabilityZones = n.SubnetIds.Select((_, i) => Fn.Select(i, Fn.GetAzs())).ToArray(),
                PrivateSubnetIds = [.. n.SubnetIds],
            });
            network = new ValidatorNetwork
            {
                Vpc = vpc,
                Subnets = new SubnetSelection { Subnets = n.SubnetIds.Select((s, i) => Subnet.FromSubnetId(this, $"DrillSubnet{i}", s)).ToArray() },
                SecurityGroups = n.SecurityGroupIds.Select((g, i) => SecurityGroup.FromSecurityGroupId(this, $"DrillSecurityGroup{i}", g)).ToList(),
            };
        }

        return options with
        {
            DatabaseSecret = config.DatabaseSecretArn is { } defaultArn ? SecretFor(defaultArn) : options.DatabaseSecret,
            Resources = resources,
            Network = network ?? options.Network,
        };
    }
}
