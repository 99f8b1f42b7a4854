using System.Globalization;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Validators;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>What the validate step read: the event, the restore job, the data checks' result, and the targets to judge against.</summary>
internal sealed record DrillObservation
{
    public required string Store { get; init; }

    public required string Region { get; init; }

    public required RestoreJobEvent Event { get; init; }

    public required RestoreJobDescription Job { get; init; }

    public required string ResourceType { get; init; }

    public required ResourceSettings Settings { get; init; }

    public required TierTarget Target { get; init; }

    /// <summary>The checks so far (restore completed, data checks); the judge adds the target checks.</summary>
    public required List<DrillCheck> Checks { get; init; }

    public ResourceValidation? Data { get; init; }

    public required DateTimeOffset ValidatedAt { get; init; }
}
