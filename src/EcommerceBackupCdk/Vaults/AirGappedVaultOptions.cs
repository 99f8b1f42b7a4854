namespace EcommerceBackupCdk.Vaults;

/// <summary>
/// The logically air-gapped vault in the DR account (<see cref="AirGappedVault"/>). When set, the copies whose
/// destination is <see cref="Tiers.CopyDestination.AirGapped"/> go there; <see cref="Tiers.BackupTargets.WithAirGappedCopies"/>
/// turns the <c>critical</c> tier's DR-account copy into such a copy. Costs: storage in the air-gapped vault is billed
/// at its own rate (https://aws.amazon.com/backup/pricing/).
/// </summary>
public sealed record AirGappedVaultOptions
{
    /// <summary>
    /// ARN of an AWS Organizations multi-party approval team (<c>arn:aws:mpa:...:approval-team/...</c>) that can approve
    /// restoring from the vault even when the DR account is lost. Default: none. CloudFormation cannot create the team:
    /// create it in the Multi-party approval console first (README, AWS prerequisites).
    /// </summary>
    public string? MpaApprovalTeamArn { get; init; }

    /// <summary>
    /// 12-digit accounts the vault is shared with through AWS RAM so that they can restore from it (a recovery account).
    /// Default: none.
    /// </summary>
    public IReadOnlyList<string> ShareWithAccounts { get; init; } = [];

    /// <summary>
    /// ARN of a customer-managed KMS key in the DR account and region that encrypts the vault. Default: none — the
    /// AWS-owned key AWS recommends for most uses.
    /// </summary>
    public string? EncryptionKeyArn { get; init; }
}
