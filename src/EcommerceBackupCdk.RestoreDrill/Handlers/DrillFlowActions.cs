namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>The drill flow's Lambda actions (the <c>action</c> field of the state machine's payload). Shared with the CDK side.</summary>
public static class DrillFlowActions
{
    public const string Inspect = "inspect";
    public const string CreateInstance = "createInstance";
    public const string InstanceStatus = "instanceStatus";
    public const string Validate = "validate";
    public const string DeleteInstance = "deleteInstance";
    public const string Record = "record";

    public static IReadOnlyList<string> All { get; } = [Inspect, CreateInstance, InstanceStatus, Validate, DeleteInstance, Record];
}
