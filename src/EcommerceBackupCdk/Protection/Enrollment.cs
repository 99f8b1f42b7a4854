using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Protection;

/// <summary>How a stateful resource takes part in the backup system, read from its tags.</summary>
public sealed record Enrollment
{
    /// <summary>The tier, when the tier tag names a known tier.</summary>
    public TierName? Tier { get; init; }

    /// <summary>Whether the resource carries <c>ecommerce-backup:exclude=true</c>; every tier selection skips it.</summary>
    public bool Excluded { get; init; }

    /// <summary>The exclusion reason tag, when present.</summary>
    public string? ExclusionReason { get; init; }

    /// <summary>Whether a tag value is an unresolved token, so the enrollment is only known at deploy time.</summary>
    public bool Unresolved { get; init; }

    /// <summary>Whether the guard-rails of <see cref="Tier"/> apply: enrolled in a known tier and not excluded.</summary>
    public bool IsEnrolled => Tier is not null && !Excluded;
}
