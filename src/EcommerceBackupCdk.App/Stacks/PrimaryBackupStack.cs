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
        Backup = new EcommerceBackup(this, "Backup", props.Backup with { Drills = WithReferences(props.Backup.Drills, props.Drills), Recovery = recovery });
    }

    public EcommerceBackup Backup { get; }

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
