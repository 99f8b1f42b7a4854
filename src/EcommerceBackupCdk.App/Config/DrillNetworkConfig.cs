namespace EcommerceBackupCdk.App.Config;

/// <summary>The <c>drills.network</c> config: the existing VPC, subnets and security groups of the validator.</summary>
internal sealed record DrillNetworkConfig
{
    public required string VpcId { get; init; }

    public required IReadOnlyList<string> SubnetIds { get; init; }

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];
}
