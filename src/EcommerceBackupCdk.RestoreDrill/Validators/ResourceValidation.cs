using EcommerceBackupCdk.RestoreDrill.Reports;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>What a resource validator found: its checks, how many records, the newest record time, and whether data was examined.</summary>
public sealed record ResourceValidation
{
    public required IReadOnlyList<DrillCheck> Checks { get; init; }

    public long? RecordCount { get; init; }

    public DateTimeOffset? NewestRecordAt { get; init; }

    public bool DataValidated { get; init; }
}
