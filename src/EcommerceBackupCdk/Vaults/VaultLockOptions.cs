namespace EcommerceBackupCdk.Vaults;

/// <summary>Vault Lock settings shared by every vault of a deployment.</summary>
public sealed record VaultLockOptions
{
    /// <summary>Lock mode. Default: <see cref="VaultLockMode.Governance"/>.</summary>
    public VaultLockMode Mode { get; init; } = VaultLockMode.Governance;

    /// <summary>
    /// Must be <c>true</c> to use <see cref="VaultLockMode.Compliance"/>: compliance mode cannot be undone once
    /// the grace time has passed, and recovery points can then never be deleted early, by anyone. Default: false.
    /// </summary>
    public bool AcknowledgeComplianceModeIsIrreversible { get; init; }

    /// <summary>
    /// Compliance mode only: how long after deployment the lock can still be removed. At least 3 days (AWS minimum).
    /// Default: 3 days.
    /// </summary>
    public TimeSpan ChangeableFor { get; init; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Shortest retention a recovery point written into a vault may have. Default: the shorter of 7 days and the
    /// shortest retention written into that vault. AWS allows at least 1 day.
    /// </summary>
    public TimeSpan? MinRetention { get; init; }

    /// <summary>
    /// Longest retention a recovery point written into a vault may have. Default: the longest retention written into
    /// that vault (nothing can be kept longer than the plans intend). AWS allows at most 36500 days.
    /// </summary>
    public TimeSpan? MaxRetention { get; init; }
}
