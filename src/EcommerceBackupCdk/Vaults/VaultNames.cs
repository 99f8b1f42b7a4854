using EcommerceBackupCdk.Topology;

namespace EcommerceBackupCdk.Vaults;

/// <summary>
/// Names of the vaults. They are deterministic so that a copy action in one stack can name a vault that lives in
/// another region or account without a cross-stack reference.
/// </summary>
public static class VaultNames
{
    /// <summary>The vault name for a store and role, e.g. <c>acme-primary</c>, <c>acme-dr-region</c>, <c>acme-dr-account</c>, <c>acme-air-gapped</c>.</summary>
    /// <remarks>Built by <see cref="PhysicalNames.Vault"/>.</remarks>
    public static string For(string storeName, VaultRole role) => new PhysicalNames(storeName).Vault(role);

    /// <summary>The ARN of a vault in another account or region.</summary>
    public static string Arn(string partition, string region, string account, string vaultName) =>
        $"arn:{partition}:backup:{region}:{account}:backup-vault:{vaultName}";
}
