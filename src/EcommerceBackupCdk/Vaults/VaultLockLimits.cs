namespace EcommerceBackupCdk.Vaults;

/// <summary>
/// The Vault Lock limits in force for a vault: the explicit <see cref="VaultLockOptions"/> limits, or derived from the
/// retentions written into it. The one home of this rule: the vault factory renders it, the props validation checks
/// every written retention against it, and <see cref="Topology.BackupTopology"/> carries the result for everyone else.
/// </summary>
public static class VaultLockLimits
{
    /// <summary>The lock limits in force for a vault: explicit options, or derived from what is written into it.</summary>
    public static (TimeSpan Min, TimeSpan Max) Of(VaultLockOptions options, IReadOnlyList<(string Key, TimeSpan Retention)> written)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(written);
        var shortest = written.Count == 0 ? TimeSpan.FromDays(7) : written.Min(w => w.Retention);
        var longest = written.Count == 0 ? TimeSpan.FromDays(7) : written.Max(w => w.Retention);
        var min = options.MinRetention ?? (shortest < TimeSpan.FromDays(7) ? shortest : TimeSpan.FromDays(7));
        var max = options.MaxRetention ?? longest;
        return (min, max);
    }
}
