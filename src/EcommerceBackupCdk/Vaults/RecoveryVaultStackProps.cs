using Amazon.CDK;

namespace EcommerceBackupCdk.Vaults;

/// <summary>Props of <see cref="RecoveryVaultStack"/>. Set <c>Env</c> to the DR region or DR account.</summary>
public sealed class RecoveryVaultStackProps : StackProps
{
    /// <summary>The same props the primary <see cref="EcommerceBackup"/> uses: the vault's lock is derived from the copies that target it.</summary>
    public required EcommerceBackupProps Backup { get; init; }

    /// <summary><see cref="VaultRole.DrRegion"/> or <see cref="VaultRole.DrAccount"/>.</summary>
    public required VaultRole Role { get; init; }

    /// <summary>12-digit id of the primary account, which copies into the vault.</summary>
    public required string SourceAccount { get; init; }
}
