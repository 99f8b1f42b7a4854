namespace EcommerceBackupCdk.Vaults;

/// <summary>
/// Names of the vaults. They are deterministic so that a copy action in one stack can name a vault that lives in
/// another region or account without a cross-stack reference.
/// </summary>
public static class VaultNames
{
    /// <summary>The vault name for a store and role, e.g. <c>acme-primary</c>, <c>acme-dr-region</c>, <c>acme-dr-account</c>, <c>acme-air-gapped</c>.</summary>
    public static string For(string storeName, VaultRole role) => role switch
    {
        VaultRole.Primary => $"{storeName}-primary",
        VaultRole.DrRegion => $"{storeName}-dr-region",
        VaultRole.DrAccount => $"{storeName}-dr-account",
        VaultRole.AirGapped => $"{storeName}-air-gapped",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown vault role."),
    };

    /// <summary>The ARN of a vault in another account or region.</summary>
    public static string Arn(string partition, string region, string account, string vaultName) =>
        $"arn:{partition}:backup:{region}:{account}:backup-vault:{vaultName}";
}
