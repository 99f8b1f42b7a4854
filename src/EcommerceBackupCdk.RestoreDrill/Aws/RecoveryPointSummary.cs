namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>One entry of ListRecoveryPointsByResource.</summary>
public sealed record RecoveryPointSummary
{
    public required string RecoveryPointArn { get; init; }

    public string? Status { get; init; }

    public string? BackupVaultName { get; init; }

    public DateTimeOffset? CreationDate { get; init; }
}
