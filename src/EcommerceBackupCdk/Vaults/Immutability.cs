using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Vaults;

/// <summary>The immutability level of recovery points in each vault of a deployment (posture report, evidence index).</summary>
public static class Immutability
{
    /// <summary>The level of a vault role under the deployment's Vault Lock mode.</summary>
    /// <remarks>
    /// "each vault is equipped with AWS Backup Vault Lock's compliance mode ... a logically air-gapped vault stores its
    /// backups in an AWS Backup service owned account" —
    /// https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html
    /// </remarks>
    public static ImmutabilityLevel Of(VaultRole role, VaultLockMode lockMode) => role == VaultRole.AirGapped
        ? ImmutabilityLevel.AirGapped
        : lockMode == VaultLockMode.Compliance ? ImmutabilityLevel.ComplianceLock : ImmutabilityLevel.GovernanceLock;

    /// <summary>The level at a copy destination.</summary>
    public static ImmutabilityLevel Of(CopyDestination destination, VaultLockMode lockMode) => Of(RoleOf(destination), lockMode);

    /// <summary>The vault role a copy destination writes into.</summary>
    public static VaultRole RoleOf(CopyDestination destination) => destination switch
    {
        CopyDestination.DrRegion => VaultRole.DrRegion,
        CopyDestination.DrAccount => VaultRole.DrAccount,
        CopyDestination.AirGapped => VaultRole.AirGapped,
        _ => throw new ArgumentOutOfRangeException(nameof(destination), destination, "Unknown copy destination."),
    };

    /// <summary>The level in words, e.g. <c>governance lock</c>, <c>air-gapped</c>.</summary>
    public static string Text(ImmutabilityLevel level) => level switch
    {
        ImmutabilityLevel.GovernanceLock => "governance lock",
        ImmutabilityLevel.ComplianceLock => "compliance lock",
        _ => "air-gapped",
    };
}
