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
    /// Compliance mode only: how long after deployment the lock can still be removed; whole days, at least 3 (AWS
    /// minimum). Default (null): <see cref="DefaultChangeableFor"/> in compliance mode. Must stay unset in governance
    /// mode: the lock's grace time is what makes a lock compliance mode ("If this parameter is not specified, you can
    /// delete Vault Lock from the vault ... at any time",
    /// https://docs.amazonaws.cn/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupvault-lockconfigurationtype.html),
    /// so a governance lock never renders it and a value there would do nothing.
    /// </summary>
    public TimeSpan? ChangeableFor { get; init; }

    /// <summary>The grace time of a compliance-mode lock when <see cref="ChangeableFor"/> is not set: 3 days, the AWS minimum.</summary>
    public static TimeSpan DefaultChangeableFor { get; } = TimeSpan.FromDays(3);

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
