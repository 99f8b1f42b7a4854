namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>Resource kinds store recovery restores (the <c>kind</c> field of a planned resource).</summary>
public static class RecoveryKinds
{
    public const string DynamoDb = "dynamodb";
    public const string RdsInstance = "rds";
    public const string AuroraCluster = "aurora";
    public const string S3 = "s3";
}

/// <summary>One resource in a recovery plan: its source, its window and the recovery-prefixed names it is restored into.</summary>
public sealed record PlannedResource
{
    public required string Kind { get; init; }

    public required string SourceArn { get; init; }

    public required string SourceName { get; init; }

    /// <summary>Table, DB instance, DB cluster or bucket name the restore creates; always starts with the recovery prefix.</summary>
    public required string RestoredName { get; init; }

    /// <summary>Aurora: the DB instance recovery adds to the restored cluster (RestoreDBClusterToPointInTime creates none).</summary>
    public string? InstanceName { get; init; }

    public DateTimeOffset? EarliestRestorableTime { get; init; }

    public DateTimeOffset? LatestRestorableTime { get; init; }

    /// <summary>Aurora: engine of the source cluster, for CreateDBInstance.</summary>
    public string? Engine { get; init; }

    /// <summary>S3: the recovery point restored through AWS Backup.</summary>
    public string? RecoveryPointArn { get; init; }

    /// <summary>S3: the AWS Backup restore job started for it.</summary>
    public string? RestoreJobId { get; init; }

    public string? RestoredArn { get; init; }
}

/// <summary>The plan the <c>plan</c> action returns: one point in time for every resource, or a refusal.</summary>
public sealed record RecoveryPlan
{
    public bool Refused { get; init; }

    /// <summary>Why nothing will be created (refusals only).</summary>
    public string? Reason { get; init; }

    public string? Store { get; init; }

    public string? Tier { get; init; }

    public string? Mode { get; init; }

    public bool Latest { get; init; }

    public DateTimeOffset? PointInTime { get; init; }

    public string? ExecutionName { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public IReadOnlyList<PlannedResource> Resources { get; init; } = [];

    /// <summary>Resources carrying the tier tag that store recovery does not restore (EBS, EFS, ...), with the reason.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];
}

/// <summary>What the <c>poll</c> action found.</summary>
public sealed record PollResult
{
    public const string Waiting = "WAITING";
    public const string Ready = "READY";
    public const string Failed = "FAILED";

    public required PlannedResource Resource { get; init; }

    public required string State { get; init; }

    public int Attempt { get; init; }

    public string? Message { get; init; }
}

/// <summary>One resource's outcome: restored where, validated how, ready when.</summary>
public sealed record ResourceResult
{
    public const string Passed = "PASSED";
    public const string Failed = "FAILED";

    public required PlannedResource Resource { get; init; }

    public required string Status { get; init; }

    public string? Endpoint { get; init; }

    public IReadOnlyList<Reports.DrillCheck> Checks { get; init; } = [];

    public long? RecordCount { get; init; }

    public DateTimeOffset? NewestRecordAt { get; init; }

    public DateTimeOffset? ValidatedAt { get; init; }

    /// <summary>Seconds from the start of the execution to this resource validated.</summary>
    public long? RtoSeconds { get; init; }

    public string? Error { get; init; }
}

/// <summary>What the <c>cleanup</c> action did for one resource.</summary>
public sealed record CleanupResult
{
    public const string Deleting = "DELETING";
    public const string Gone = "GONE";
    public const string Refused = "REFUSED";

    public required PlannedResource Resource { get; init; }

    public required string State { get; init; }

    public int Attempt { get; init; }

    public string? Message { get; init; }
}
