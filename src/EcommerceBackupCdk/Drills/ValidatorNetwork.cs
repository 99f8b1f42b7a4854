using Amazon.CDK.AWS.EC2;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// Where the validator runs when its SQL probes must reach restored databases: a VPC, private subnets that reach the
/// AWS APIs (NAT or VPC endpoints), and security groups the databases' security groups admit.
/// </summary>
public sealed record ValidatorNetwork
{
    /// <summary>The VPC of the restored databases.</summary>
    public required IVpc Vpc { get; init; }

    /// <summary>Subnets of the validator. Default: the VPC's private subnets with egress.</summary>
    public SubnetSelection? Subnets { get; init; }

    /// <summary>Security groups of the validator. Default: one created for it, outbound allowed.</summary>
    public IReadOnlyList<ISecurityGroup> SecurityGroups { get; init; } = [];
}
