using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Validators;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>Everything the validator talks to; <see cref="RestoreDrillValidator.Create"/> builds the real ones.</summary>
public sealed record RestoreDrillDependencies : ResourceCheckDependencies
{
    public required IDrillReportStore Reports { get; init; }
}
