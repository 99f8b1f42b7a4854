namespace EcommerceBackupCdk.Vaults;

/// <summary>Props of <see cref="AirGappedVault"/>.</summary>
public sealed record AirGappedVaultProps
{
    /// <summary>The store name; the vault is <c>&lt;store&gt;-air-gapped</c>.</summary>
    public required string StoreName { get; init; }

    /// <summary>12-digit id of the account whose plans copy into the vault.</summary>
    public required string SourceAccount { get; init; }

    /// <summary>Organization id (<c>o-...</c>); when set, any account of the organization may copy in. Default: source account only.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The retention of every copy written into the vault; its minimum and maximum retention are their range.</summary>
    public required IReadOnlyList<TimeSpan> WrittenRetentions { get; init; }

    /// <summary>Approval team, RAM sharing and key.</summary>
    public AirGappedVaultOptions Options { get; init; } = new();
}
