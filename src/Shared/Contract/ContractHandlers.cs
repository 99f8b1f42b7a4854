namespace EcommerceBackupCdk.Contract;

/// <summary>
/// The Lambda handler strings (<c>assembly::type::method</c>) of the functions in <c>src/EcommerceBackupCdk.RestoreDrill</c>;
/// each method takes and returns a <c>Stream</c>. A contract test resolves each by reflection.
/// </summary>
internal static class ContractHandlers
{
    /// <summary>The assembly name of the Lambda project.</summary>
    public const string AssemblyName = "EcommerceBackupCdk.RestoreDrill";

    /// <summary>The drill validator (raw EventBridge events and drill flow actions).</summary>
    public const string DrillValidator = AssemblyName + "::EcommerceBackupCdk.RestoreDrill.Handlers.Function::Handle";

    /// <summary>The store recovery steps.</summary>
    public const string StoreRecovery = AssemblyName + "::EcommerceBackupCdk.RestoreDrill.Handlers.RecoveryFunction::Handle";

    /// <summary>The audit evidence index.</summary>
    public const string EvidenceIndex = AssemblyName + "::EcommerceBackupCdk.RestoreDrill.Evidence.EvidenceFunction::Handle";
}
