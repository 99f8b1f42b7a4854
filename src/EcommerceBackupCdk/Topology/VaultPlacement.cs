using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Topology;

/// <summary>
/// One vault of the deployment as <see cref="BackupTopology"/> derives it: where it lives, its name and ARN, its lock,
/// and every retention written into it.
/// </summary>
public sealed record VaultPlacement
{
    /// <summary>The role the vault plays.</summary>
    public required VaultRole Role { get; init; }

    /// <summary>The vault name (<see cref="VaultNames.For"/>).</summary>
    public required string Name { get; init; }

    /// <summary>The account the vault lives in; null when unknown (e.g. no DR account configured). May be an unresolved token.</summary>
    public string? Account { get; init; }

    /// <summary>The region the vault lives in; null when unknown. May be an unresolved token.</summary>
    public string? Region { get; init; }

    /// <summary>The vault ARN (<see cref="VaultNames.Arn"/>), or null when partition, account or region is unknown.</summary>
    public string? Arn { get; init; }

    /// <summary>
    /// The lock mode: the configured <see cref="VaultLockOptions.Mode"/>, or compliance for the logically air-gapped
    /// vault, which AWS always locks in compliance mode (<see cref="AirGappedVault"/>).
    /// </summary>
    public required VaultLockMode LockMode { get; init; }

    /// <summary>The lock's minimum retention (<see cref="VaultLockLimits"/>; the air-gapped vault: the shortest written retention).</summary>
    public required TimeSpan LockMin { get; init; }

    /// <summary>The lock's maximum retention (<see cref="VaultLockLimits"/>; the air-gapped vault: the longest written retention).</summary>
    public required TimeSpan LockMax { get; init; }

    /// <summary>Every retention written into the vault, keyed by the config path it comes from.</summary>
    public required IReadOnlyList<(string Key, TimeSpan Retention)> Written { get; init; }

    /// <summary>Whether any rule or copy writes into the vault; a vault nothing writes into is not created.</summary>
    public bool Receives => Written.Count > 0;

    /// <summary>The longest retention written into the vault, or null when nothing is.</summary>
    public TimeSpan? LongestRetention => Written.Count == 0 ? null : Written.Max(w => w.Retention);
}
