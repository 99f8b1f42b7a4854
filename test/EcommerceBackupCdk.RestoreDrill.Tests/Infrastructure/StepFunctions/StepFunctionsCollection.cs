namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure.StepFunctions;

/// <summary>Step Functions tests run one class at a time: moto's interpreter runs executions on threads of one server.</summary>
[CollectionDefinition(Name)]
public sealed class StepFunctionsCollection
{
    public const string Name = "Step Functions (moto interpreter)";
}
