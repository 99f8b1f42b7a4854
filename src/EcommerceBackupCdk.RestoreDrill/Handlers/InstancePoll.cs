namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>One poll of the temporary instance by the drill flow.</summary>
public sealed record InstancePoll
{
    /// <summary>DBInstanceStatus, or "deleted" when RDS no longer knows the instance.</summary>
    public required string Status { get; init; }

    public bool Ready { get; init; }

    public bool Gone { get; init; }

    /// <summary>True once the verdict's deadline has passed: the flow stops waiting and records.</summary>
    public bool PastDeadline { get; init; }

    public int Attempt { get; init; }

    public int WaitSeconds { get; init; }
}
