namespace EcommerceBackupCdk.RestoreDrill.Configuration;

/// <summary>Names accepted by SQL_PRESET and the per-resource "sqlPreset".</summary>
public static class SqlPresetName
{
    /// <summary>WooCommerce with High-Performance Order Storage (default since WooCommerce 8.2): {prefix}wc_orders, type 'shop_order', date_created_gmt.</summary>
    public const string WooCommerce = "woocommerce";

    /// <summary>WooCommerce with legacy post storage: {prefix}posts, post_type 'shop_order', post_date_gmt.</summary>
    public const string WooCommerceLegacy = "woocommerce-legacy";

    /// <summary>Magento 2 / Adobe Commerce: {prefix}sales_order, created_at (UTC).</summary>
    public const string Magento = "magento";

    /// <summary>SQL_CUSTOM_QUERY.</summary>
    public const string Custom = "custom";

    public static IReadOnlyList<string> All { get; } = [WooCommerce, WooCommerceLegacy, Magento, Custom];
}
