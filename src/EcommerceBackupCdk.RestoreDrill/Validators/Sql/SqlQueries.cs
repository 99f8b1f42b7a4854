using EcommerceBackupCdk.RestoreDrill.Configuration;

namespace EcommerceBackupCdk.RestoreDrill.Validators.Sql;

/// <summary>
/// The probe query of each preset. Every query returns one row: order count, newest order time (UTC).
/// <list type="bullet">
/// <item>woocommerce: HPOS table {prefix}wc_orders (WooCommerce 8.2+ default), rows of type 'shop_order', date_created_gmt.
/// Chosen as the default because HPOS is authoritative on current stores; with legacy storage use woocommerce-legacy.</item>
/// <item>woocommerce-legacy: {prefix}posts rows of post_type 'shop_order', post_date_gmt.</item>
/// <item>magento: {prefix}sales_order, created_at (Magento stores UTC).</item>
/// <item>custom: the configured SELECT as is.</item>
/// </list>
/// The prefix is validated as [A-Za-z0-9_]{0,32} at start, so it is safe to splice into the text.
/// </summary>
public static class SqlQueries
{
    public static string For(ResourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SqlPreset switch
        {
            SqlPresets.WooCommerce => $"SELECT COUNT(*), MAX(date_created_gmt) FROM {settings.SqlTablePrefix ?? "wp_"}wc_orders WHERE type = 'shop_order'",
            SqlPresets.WooCommerceLegacy => $"SELECT COUNT(*), MAX(post_date_gmt) FROM {settings.SqlTablePrefix ?? "wp_"}posts WHERE post_type = 'shop_order'",
            SqlPresets.Magento => $"SELECT COUNT(*), MAX(created_at) FROM {settings.SqlTablePrefix ?? string.Empty}sales_order",
            SqlPresets.Custom => settings.SqlCustomQuery?.Trim().TrimEnd(';')
                ?? throw new InvalidOperationException("SQL_CUSTOM_QUERY is required for the custom preset"),
            _ => throw new InvalidOperationException($"unknown SQL preset '{settings.SqlPreset}'"),
        };
    }
}
