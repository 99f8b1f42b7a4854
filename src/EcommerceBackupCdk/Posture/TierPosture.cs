using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Posture;

/// <summary>The posture of one tier.</summary>
public sealed record TierPosture
{
    /// <summary>The tier.</summary>
    public required TierName Tier { get; init; }

    /// <summary>The RPO target.</summary>
    public required TimeSpan RpoTarget { get; init; }

    /// <summary>The RTO target.</summary>
    public required TimeSpan RtoTarget { get; init; }

    /// <summary>Worst-case RPO in the primary vault (continuous backup: 5 minutes; else the most frequent rule's gap).</summary>
    public required TimeSpan WorstCaseRpo { get; init; }

    /// <summary>Whether <see cref="WorstCaseRpo"/> meets <see cref="RpoTarget"/>.</summary>
    public bool MeetsRpoTarget => WorstCaseRpo <= RpoTarget;

    /// <summary>Continuous backup retention, or null without continuous backup.</summary>
    public TimeSpan? ContinuousRetention { get; init; }

    /// <summary>The rules with their retentions and copies.</summary>
    public required IReadOnlyList<RulePosture> Rules { get; init; }

    /// <summary>Recovery at each copy destination.</summary>
    public required IReadOnlyList<DestinationPosture> Destinations { get; init; }

    /// <summary>Whether a restore drill covers the tier (any resource type).</summary>
    public required bool DrillCovered { get; init; }

    /// <summary>How many resources are enrolled.</summary>
    public required int Resources { get; init; }

    /// <summary>Estimated monthly cost of the enrolled resources' backups, USD.</summary>
    public required double EstimatedMonthlyCostUsd { get; init; }

    /// <summary>The same under one plan per tier (the naive plan), USD.</summary>
    public double NaiveEstimatedMonthlyCostUsd { get; init; }
}
