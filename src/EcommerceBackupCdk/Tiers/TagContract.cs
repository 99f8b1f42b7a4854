namespace EcommerceBackupCdk.Tiers;

/// <summary>
/// The tag contract that enrols resources into backup tiers. Resources are enrolled by tag so that
/// resources created outside this CDK app are covered too.
/// </summary>
public static class TagContract
{
    /// <summary>Tag key whose value names the tier (<c>critical</c>, <c>standard</c> or <c>archive</c>).</summary>
    public const string TierKey = "ecommerce-backup:tier";

    /// <summary>Tag key that, when set to <see cref="ExcludeValue"/>, removes a resource from every tier selection.</summary>
    public const string ExcludeKey = "ecommerce-backup:exclude";

    /// <summary>The value of <see cref="ExcludeKey"/> that excludes a resource.</summary>
    public const string ExcludeValue = "true";

    /// <summary>Tag key carrying the human-readable reason for an exclusion (required by the coverage check).</summary>
    public const string ExclusionReasonKey = "ecommerce-backup:exclusion-reason";

    /// <summary>Recovery-point tag naming the store that owns the recovery point.</summary>
    public const string StoreKey = "ecommerce-backup:store";

    /// <summary>Tag key used on recovery points to name the rule that created them.</summary>
    public const string RuleKey = "ecommerce-backup:rule";
}
