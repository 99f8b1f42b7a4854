using EcommerceBackupCdk.RestoreDrill.Reports;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>The validate step's result, handed to the record step through the drill flow (no secret in it).</summary>
public sealed record DrillVerdict
{
    public required DrillReport Report { get; init; }

    public bool DataValidated { get; init; }
}
