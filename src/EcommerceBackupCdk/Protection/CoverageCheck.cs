using Amazon.CDK;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// Every stateful resource carries a known tier tag, or <c>ecommerce-backup:exclude=true</c> with an
/// <c>ecommerce-backup:exclusion-reason</c> (a cache, a scratch bucket). Anything else is a resource nobody backs up.
/// </summary>
public static class CoverageCheck
{
    /// <summary>Reads a resource's enrollment from its tags.</summary>
    public static Enrollment EnrollmentOf(CfnResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return EnrollmentOf(ResourceTags.Of(resource));
    }

    /// <summary>Reads an enrollment from tags.</summary>
    public static Enrollment EnrollmentOf(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        tags.TryGetValue(TagContract.TierKey, out var tierValue);
        tags.TryGetValue(TagContract.ExcludeKey, out var exclude);
        tags.TryGetValue(TagContract.ExclusionReasonKey, out var reason);
        var unresolved = new[] { tierValue, exclude, reason }.Any(v => v is not null && Token.IsUnresolved(v));
        return new Enrollment
        {
            Tier = TierNames.TryParse(tierValue, out var tier) ? tier : null,
            Excluded = exclude == TagContract.ExcludeValue,
            ExclusionReason = string.IsNullOrWhiteSpace(reason) ? null : reason,
            Unresolved = unresolved,
        };
    }

    /// <summary>Adds the coverage problems of a resource's tags to <paramref name="problems"/>.</summary>
    public static void Check(IReadOnlyDictionary<string, string> tags, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(problems);
        tags.TryGetValue(TagContract.TierKey, out var tierValue);
        tags.TryGetValue(TagContract.ExcludeKey, out var exclude);
        tags.TryGetValue(TagContract.ExclusionReasonKey, out var reason);
        if (new[] { tierValue, exclude, reason }.Any(v => v is not null && Token.IsUnresolved(v)))
        {
            return;
        }

        if (exclude is not null && exclude != TagContract.ExcludeValue)
        {
            problems.Add($"tags.{TagContract.ExcludeKey}", "is not the exclusion value; the backup selections would still include the resource",
                exclude, $"'{TagContract.ExcludeValue}', or remove the tag");
        }

        if (exclude == TagContract.ExcludeValue)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                problems.Add($"tags.{TagContract.ExclusionReasonKey}", "is missing: a resource excluded from backup must say why", reason,
                    "a reason, e.g. 'cache rebuilt from the orders database'");
            }

            if (tierValue is not null && !TierNames.TryParse(tierValue, out _))
            {
                problems.Add($"tags.{TagContract.TierKey}", "is not a tier", tierValue, TierNames.Allowed);
            }

            return;
        }

        if (tierValue is null)
        {
            problems.Add($"tags.{TagContract.TierKey}", "is missing: the resource holds data but is in no backup tier", null,
                $"{TierNames.Allowed}; or {TagContract.ExcludeKey}=true with {TagContract.ExclusionReasonKey}");
        }
        else if (!TierNames.TryParse(tierValue, out _))
        {
            problems.Add($"tags.{TagContract.TierKey}", "is not a tier; the resource would be in no backup plan", tierValue, TierNames.Allowed);
        }
    }
}
