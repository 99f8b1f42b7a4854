namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>
/// What the inspect step of the drill flow hands on to the state machine (JSON, camelCase). Carries no secret: the
/// one-time database password never leaves the validate step.
/// </summary>
public sealed record DrillFlowState
{
    /// <summary>validate | wait | ignore | alreadyValidated | recordFailure | gaveUp.</summary>
    public required string Decision { get; init; }

    public string? RestoreJobId { get; init; }

    public string? ResourceType { get; init; }

    public string? CreatedResourceArn { get; init; }

    public required string Message { get; init; }

    /// <summary>How many times the restore job was inspected (the wait loop's counter).</summary>
    public int Attempt { get; init; }

    /// <summary>Seconds the flow waits before the next poll.</summary>
    public int WaitSeconds { get; init; }

    /// <summary>When the verdict must be recorded at the latest (the validation window's end less a margin), ISO-8601 UTC.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>True for a restored Aurora cluster without instances: the flow adds <see cref="TemporaryInstanceId"/>.</summary>
    public bool NeedsTemporaryInstance { get; init; }

    /// <summary>Epoch seconds (as text, DynamoDB's N) when the per-job lock item may expire (DynamoDB TTL).</summary>
    public string? LockExpiresAt { get; init; }

    public string? ClusterId { get; init; }

    public string? TemporaryInstanceId { get; init; }

    public string? InstanceClass { get; init; }

    public string? Engine { get; init; }

    public const string Validate = DrillFlowContract.DecideValidate;
    public const string Wait = DrillFlowContract.DecideWait;
    public const string Ignore = DrillFlowContract.DecideIgnore;
    public const string AlreadyValidated = DrillFlowContract.DecideAlreadyValidated;
    public const string RecordFailure = DrillFlowContract.DecideRecordFailure;
    public const string GaveUp = DrillFlowContract.DecideGaveUp;
}
