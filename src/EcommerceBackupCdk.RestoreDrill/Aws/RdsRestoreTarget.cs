namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>What store recovery reads of an RDS instance or cluster.</summary>
public sealed record RdsRestoreTarget
{
    public required string Identifier { get; init; }

    public string? Arn { get; init; }

    public required string Status { get; init; }

    public string? Engine { get; init; }

    public string? InstanceClass { get; init; }

    /// <summary>Clusters: EarliestRestorableTime. Instances: not in DescribeDBInstances (see the planner).</summary>
    public DateTimeOffset? EarliestRestorableTime { get; init; }

    public DateTimeOffset? LatestRestorableTime { get; init; }

    public int? BackupRetentionPeriodDays { get; init; }

    public DateTimeOffset? CreateTime { get; init; }

    public string? EndpointAddress { get; init; }

    public int? EndpointPort { get; init; }

    public string? ClusterIdentifier { get; init; }

    public IReadOnlyList<string> Members { get; init; } = [];
}
