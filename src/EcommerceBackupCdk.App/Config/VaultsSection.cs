using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// The <c>disasterRecovery</c> key (where the DR vaults live) and the <c>vaultLock</c> key. Their rules (regions,
/// accounts, partitions, lock limits against the retentions written into each vault) are the library's.
/// </summary>
internal static class VaultsSection
{
    public static DisasterRecoveryOptions? ReadDisasterRecovery(ConfigSection root) =>
        root.Section("disasterRecovery") is { } d
            ? new DisasterRecoveryOptions
            {
                Region = d.String("region"),
                Account = d.String("account"),
                AccountRegion = d.String("accountRegion"),
                OrganizationId = d.String("organizationId"),
            }
            : null;

    public static VaultLockOptions ReadVaultLock(ConfigSection root)
    {
        if (root.Section("vaultLock") is not { } l)
        {
            return new VaultLockOptions();
        }

        return new VaultLockOptions
        {
            Mode = l.Choice<VaultLockMode>("mode", "is not a vault lock mode", "'governance' or 'compliance'") ?? VaultLockMode.Governance,
            AcknowledgeComplianceModeIsIrreversible = l.Bool("acknowledgeComplianceModeIsIrreversible") ?? false,
            ChangeableFor = l.Duration("changeableFor"),
            MinRetention = l.Duration("minRetention"),
            MaxRetention = l.Duration("maxRetention"),
        };
    }
}
