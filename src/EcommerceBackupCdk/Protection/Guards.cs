using Amazon.CDK;

namespace EcommerceBackupCdk.Protection;

/// <summary>The guard of each stateful resource family.</summary>
internal static class Guards
{
    public static IReadOnlyList<IResourceGuard> All { get; } =
    [
        new DynamoDbGuard(),
        new S3BucketGuard(),
        new DatabaseGuard(),
        new EfsGuard(),
        new EbsGuard(),
    ];

    public static IResourceGuard? For(CfnResource resource) => All.FirstOrDefault(g => g.AppliesTo(resource));

    /// <summary>How a value reads in a message.</summary>
    public static string Show(object? value) => value switch
    {
        null => "not set",
        bool b => b ? "true" : "false",
        _ => Validation.ValidationProblems.Show(value),
    };

    /// <summary>A tier label for messages, e.g. <c>tier critical</c>.</summary>
    public static string Of(TierProtection tier) => $"tier {Tiers.TierNames.TagValue(tier.Tier)}";
}
