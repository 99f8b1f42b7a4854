using Amazon.CDK.AWS.IAM;

namespace EcommerceBackupCdk.Drills;

/// <summary>Statement builders shared by the policies of the drill validator and store recovery's steps.</summary>
internal static class LambdaStatements
{
    /// <summary>An Allow statement with a Sid.</summary>
    public static PolicyStatement Allow(string sid, string[] actions, string[] resources, Dictionary<string, object>? conditions = null) => new(new PolicyStatementProps
    {
        Sid = sid,
        Effect = Effect.ALLOW,
        Actions = actions,
        Resources = resources,
        Conditions = conditions,
    });

    /// <summary>The network-interface actions a function in a VPC needs; they support no resource-level permissions ('*').</summary>
    public static PolicyStatement ManageOwnNetworkInterfaces() => Allow("ManageOwnNetworkInterfaces",
        ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"], ["*"]);
}
