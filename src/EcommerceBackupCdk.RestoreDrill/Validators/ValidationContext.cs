using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Configuration;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>Input of a resource validator: the restore job (its CreatedResourceArn is the only resource it may touch) and the settings.</summary>
public sealed record ValidationContext
{
    public required RestoreJobDescription Job { get; init; }

    /// <summary>The ARN to validate; always the job's CreatedResourceArn.</summary>
    public required string CreatedResourceArn { get; init; }

    public required ResourceSettings Settings { get; init; }

    public required TierTarget Target { get; init; }

    /// <summary>The drill flow's temporary instance in a restored Aurora cluster (the SQL endpoint), or null.</summary>
    public string? TemporaryInstanceId { get; init; }
}
