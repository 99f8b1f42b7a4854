using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Posture;

/// <summary>A vault recovery points are written into, and how immutable they are there.</summary>
/// <param name="Role">Primary, DR region or DR account.</param>
/// <param name="Name">The vault name.</param>
/// <param name="Account">Its account, or null when unknown at synth time.</param>
/// <param name="Region">Its region, or null when unknown.</param>
/// <param name="LockMode">Vault Lock mode.</param>
/// <param name="MinRetention">The lock's minimum retention.</param>
/// <param name="MaxRetention">The lock's maximum retention.</param>
public sealed record VaultPosture(VaultRole Role, string Name, string? Account, string? Region, VaultLockMode LockMode, TimeSpan MinRetention, TimeSpan MaxRetention)
{
    /// <summary>How immutable recovery points are in the vault.</summary>
    public ImmutabilityLevel Immutability => Vaults.Immutability.Of(Role, LockMode);
}
