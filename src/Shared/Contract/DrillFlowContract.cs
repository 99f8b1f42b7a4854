namespace EcommerceBackupCdk.Contract;

/// <summary>
/// What the drill flow's state machine (<c>DrillFlowDefinition</c>) and the validator's flow entry (<c>DrillFlowHandler</c>)
/// exchange: the <c>action</c> of each Lambda payload and the <c>decision</c> of the inspect step.
/// </summary>
internal static class DrillFlowContract
{
    /// <summary>Payload field naming the action.</summary>
    public const string ActionField = "action";

    /// <summary>Read the restore job and decide.</summary>
    public const string Inspect = "inspect";

    /// <summary>Add the temporary instance to a memberless Aurora cluster.</summary>
    public const string CreateInstance = "createInstance";

    /// <summary>Poll the temporary instance.</summary>
    public const string InstanceStatus = "instanceStatus";

    /// <summary>Run the data checks and build the verdict.</summary>
    public const string Validate = "validate";

    /// <summary>Delete the temporary instance.</summary>
    public const string DeleteInstance = "deleteInstance";

    /// <summary>Write the report and record the validation result.</summary>
    public const string Record = "record";

    /// <summary>Every action.</summary>
    public static IReadOnlyList<string> Actions { get; } = [Inspect, CreateInstance, InstanceStatus, Validate, DeleteInstance, Record];

    /// <summary>Decision: validate the job.</summary>
    public const string DecideValidate = "validate";

    /// <summary>Decision: the job is not final yet; wait and inspect again.</summary>
    public const string DecideWait = "wait";

    /// <summary>Decision: not a job of ours.</summary>
    public const string DecideIgnore = "ignore";

    /// <summary>Decision: a verdict was already recorded.</summary>
    public const string DecideAlreadyValidated = "alreadyValidated";

    /// <summary>Decision: record a failure without validating.</summary>
    public const string DecideRecordFailure = "recordFailure";

    /// <summary>Decision: the job never read final.</summary>
    public const string DecideGaveUp = "gaveUp";

    /// <summary>Name of the error the validator raises for transient failures (its exception type); the flow retries it.</summary>
    public const string TransientError = "TransientDrillException";
}
