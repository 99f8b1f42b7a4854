using Amazon.CDK;
using Constructs;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// Typed helpers for the tag contract (<see cref="TagContract"/>): enrol a resource in a tier, or exclude it from backup
/// with a reason, instead of writing the tags by hand. The tags written are exactly the contract's, so resources
/// tagged outside CDK (CLI, console) and resources enrolled here are selected alike.
/// </summary>
/// <example>
/// <code>
/// BackupEnrollment.Enroll(ordersCluster, TierName.Critical);
/// BackupEnrollment.Exclude(logBucket, "S3 access logs: diagnostics kept 1 year by lifecycle, not store data");
/// </code>
/// </example>
/// <remarks>
/// Like <c>Tags.Of</c>, these tag every taggable resource under the construct. <c>TableV2</c> in CDK 2.160 ignores
/// <c>Tags.Of</c>; put the tier tag in <c>TablePropsV2.Tags</c> there.
/// </remarks>
public static class BackupEnrollment
{
    /// <summary>
    /// The longest tag value AWS accepts: "Maximum value length - 256 Unicode characters in UTF-8"
    /// (https://docs.aws.amazon.com/sdkfornet/v3/apidocs/items/ECS/TTag.html, the basic tag restrictions).
    /// </summary>
    public const int MaxReasonLength = 256;

    /// <summary>Enrols every taggable resource under <paramref name="construct"/> in <paramref name="tier"/> (<c>ecommerce-backup:tier=&lt;tier&gt;</c>).</summary>
    public static void Enroll(IConstruct construct, TierName tier)
    {
        ArgumentNullException.ThrowIfNull(construct);
        if (!Enum.IsDefined(tier))
        {
            var problems = new ValidationProblems();
            problems.Add("tier", "is not a tier", tier.ToString(), TierNames.Allowed);
            problems.ThrowIfAny($"BackupEnrollment.Enroll of '{construct.Node.Path}'");
        }

        Tags.Of(construct).Add(TagContract.TierKey, tier.TagValue());
    }

    /// <summary>
    /// Excludes every taggable resource under <paramref name="construct"/> from every tier selection
    /// (<c>ecommerce-backup:exclude=true</c>) and records why (<c>ecommerce-backup:exclusion-reason</c>), which the
    /// coverage check requires.
    /// </summary>
    /// <param name="construct">The resource, or a construct whose resources are excluded.</param>
    /// <param name="reason">Why nobody needs a backup of it, e.g. <c>cache rebuilt from the orders database</c>.</param>
    public static void Exclude(IConstruct construct, string reason)
    {
        ArgumentNullException.ThrowIfNull(construct);
        var problems = new ValidationProblems();
        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add("reason", "is missing: a resource excluded from backup must say why", reason,
                "a reason, e.g. 'cache rebuilt from the orders database'");
        }
        else if (!Token.IsUnresolved(reason) && reason.Length > MaxReasonLength)
        {
            problems.Add("reason", "is longer than an AWS tag value may be", $"{reason.Length} characters", $"at most {MaxReasonLength} characters");
        }
        else if (!Token.IsUnresolved(reason) && reason.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            // "Do not use aws:, AWS:, or any upper or lowercase combination of such as a prefix for either keys or values
            // as it is reserved for AWS use." (same page)
            problems.Add("reason", "starts with the prefix AWS reserves for its own tags", reason, "a reason not starting with 'aws:'");
        }

        problems.ThrowIfAny($"BackupEnrollment.Exclude of '{construct.Node.Path}'");
        Tags.Of(construct).Add(TagContract.ExcludeKey, TagContract.ExcludeValue);
        Tags.Of(construct).Add(TagContract.ExclusionReasonKey, reason);
    }
}
