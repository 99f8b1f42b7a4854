namespace EcommerceBackupCdk.Contract;

/// <summary>Tier names: the values of the tier tag, the keys of the tier JSON and the <c>DEFAULT_TIER</c> values (DESIGN §3).</summary>
internal static class ContractTiers
{
    /// <summary>Orders, payments, carts and sessions.</summary>
    public const string Critical = "critical";

    /// <summary>Catalog, theme/config, inventory logs.</summary>
    public const string Standard = "standard";

    /// <summary>Tax and audit history.</summary>
    public const string Archive = "archive";

    /// <summary>All tiers, in the order they are documented.</summary>
    public static IReadOnlyList<string> All { get; } = [Critical, Standard, Archive];
}
