namespace EcommerceBackupCdk.Contract;

/// <summary>Names accepted by <see cref="DrillVariables.SqlPreset"/> and the per-resource <see cref="ResourceSettingFields.SqlPreset"/>.</summary>
internal static class SqlPresets
{
    /// <summary>WooCommerce with High-Performance Order Storage (default since WooCommerce 8.2): {prefix}wc_orders, type 'shop_order', date_created_gmt.</summary>
    public const string WooCommerce = "woocommerce";

    /// <summary>WooCommerce with legacy post storage: {prefix}posts, post_type 'shop_order', post_date_gmt.</summary>
    public const string WooCommerceLegacy = "woocommerce-legacy";

    /// <summary>Magento 2 / Adobe Commerce: {prefix}sales_order, created_at (UTC).</summary>
    public const string Magento = "magento";

    /// <summary>The query in <see cref="DrillVariables.SqlCustomQuery"/>.</summary>
    public const string Custom = "custom";

    /// <summary>Every preset.</summary>
    public static IReadOnlyList<string> All { get; } = [WooCommerce, WooCommerceLegacy, Magento, Custom];
}
