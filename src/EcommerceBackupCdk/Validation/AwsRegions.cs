namespace EcommerceBackupCdk.Validation;

/// <summary>
/// The AWS commercial, GovCloud and China regions where AWS Backup is available (as of 2025-11). Kept in one
/// place; add a region here when AWS launches one.
/// </summary>
public static class AwsRegions
{
    /// <summary>All known region names.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "af-south-1",
        "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ca-central-1", "ca-west-1",
        "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3",
        "eu-south-1", "eu-south-2", "eu-north-1",
        "il-central-1", "me-south-1", "me-central-1",
        "mx-central-1", "sa-east-1",
        "us-gov-east-1", "us-gov-west-1",
        "cn-north-1", "cn-northwest-1",
    };

    /// <summary>Whether the name is a known region.</summary>
    public static bool IsKnown(string? region) => region is not null && All.Contains(region);

    /// <summary>The partition of a region: <c>aws</c>, <c>aws-us-gov</c> or <c>aws-cn</c>.</summary>
    public static string Partition(string region) =>
        region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : "aws";
}
