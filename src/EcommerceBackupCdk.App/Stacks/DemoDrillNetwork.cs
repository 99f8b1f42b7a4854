using Amazon.CDK.AWS.EC2;

namespace EcommerceBackupCdk.App.Stacks;

/// <summary>
/// Where the demo store's restored databases go and where the validator runs: the demo VPC's isolated subnets, a DB
/// subnet group with a deterministic name, and a security group that admits the VPC (the validator) on the database port.
/// </summary>
internal sealed record DemoDrillNetwork
{
    public required IVpc Vpc { get; init; }

    public required string DbSubnetGroupName { get; init; }

    public required ISecurityGroup RestoredDatabaseSecurityGroup { get; init; }
}
