using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Posture;

/// <summary>The posture of one stateful resource of the app.</summary>
public sealed record ResourcePosture
{
    /// <summary>Construct path of the CloudFormation resource.</summary>
    public required string Path { get; init; }

    /// <summary>CloudFormation type.</summary>
    public required string Type { get; init; }

    /// <summary>The tier, or null when excluded or untagged.</summary>
    public TierName? Tier { get; init; }

    /// <summary>The resource family its rules are derived for, or null when not enrolled.</summary>
    public ResourceFamily? Family { get; init; }

    /// <summary>The backup plan that selects it: its tier's plan, or the tier's plan of its family where the derived rules differ.</summary>
    public string? Plan { get; init; }

    /// <summary>Whether the resource is excluded from backup.</summary>
    public bool Excluded { get; init; }

    /// <summary>Why, when excluded.</summary>
    public string? ExclusionReason { get; init; }

    /// <summary>The declared data size in GiB, or null when none was declared (then no cost is estimated).</summary>
    public double? DeclaredSizeGiB { get; init; }

    /// <summary>The daily change rate the estimate assumed.</summary>
    public double DailyChangeRate { get; init; }

    /// <summary>
    /// Worst-case RPO locally for this resource type: 5 minutes where point-in-time recovery is on (DynamoDB PITR and
    /// RDS/Aurora automated backups under the guard-rails; AWS Backup continuous backup of RDS, Aurora and S3), else
    /// the most frequent rule's gap. Null when not enrolled.
    /// </summary>
    public TimeSpan? WorstCaseRpo { get; init; }

    /// <summary>What gives <see cref="WorstCaseRpo"/>, e.g. <c>DynamoDB point-in-time recovery (35d, guard-rails)</c>.</summary>
    public string? RpoSource { get; init; }

    /// <summary>Whether <see cref="WorstCaseRpo"/> meets the tier's RPO target.</summary>
    public bool? MeetsRpoTarget { get; init; }

    /// <summary>Recovery at each copy destination.</summary>
    public IReadOnlyList<DestinationPosture> Destinations { get; init; } = [];

    /// <summary>The longest local retention: the point-in-time window or the longest rule retention in the primary vault.</summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>Whether a restore drill covers the resource's tier and type.</summary>
    public bool DrillCovered { get; init; }

    /// <summary>Estimated monthly backup cost, USD, or null without a declared size.</summary>
    public double? EstimatedMonthlyCostUsd { get; init; }

    /// <summary>
    /// Estimated monthly cost of the same targets under one plan per tier (every rule of the tier for every type, no S3
    /// tiering): the "naive plan". Null without a declared size.
    /// </summary>
    public double? NaiveEstimatedMonthlyCostUsd { get; init; }

    /// <summary>The lines of the estimate.</summary>
    public IReadOnlyList<CostLine> Cost { get; init; } = [];
}
