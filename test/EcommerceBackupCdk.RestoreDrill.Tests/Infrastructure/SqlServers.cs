using MySqlConnector;
using Npgsql;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>Creates throw-away databases with WooCommerce / Magento order tables on the local PostgreSQL and MariaDB.</summary>
public static class SqlServers
{
    public static readonly DateTime NewestOrderUtc = new(2026, 11, 20, 17, 45, 30, DateTimeKind.Utc);

    public static async Task<string> CreateMariaDbAsync(params string[] statements)
    {
        var database = "drill_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = TestServices.MariaDbHost,
            Port = (uint)TestServices.MariaDbPort,
            UserID = TestServices.MariaDbUser,
            Password = TestServices.MariaDbPassword,
            SslMode = MySqlSslMode.None,
        }.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, $"CREATE DATABASE {database}");
        await Execute(connection, $"USE {database}");
        foreach (var statement in statements)
        {
            await Execute(connection, statement);
        }

        return database;
    }

    public static async Task<string> CreatePostgresAsync(params string[] statements)
    {
        var database = "drill_" + Guid.NewGuid().ToString("N")[..12];
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = TestServices.PostgresHost,
            Port = TestServices.PostgresPort,
            Username = TestServices.PostgresUser,
            Password = TestServices.PostgresPassword,
            Database = "postgres",
            SslMode = SslMode.Disable,
        };
        await using (var admin = new NpgsqlConnection(builder.ConnectionString))
        {
            await admin.OpenAsync();
            await Execute(admin, $"CREATE DATABASE {database}");
        }

        builder.Database = database;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await Execute(connection, statement);
        }

        return database;
    }

    private static async Task Execute(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>WooCommerce HPOS order table (subset of columns of wp_wc_orders), 3 orders + 1 refund.</summary>
    public static string[] WooCommerceHpos(string prefix = "wp_") =>
    [
        $"CREATE TABLE {prefix}wc_orders (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, status VARCHAR(20), currency VARCHAR(10), type VARCHAR(20), total_amount DECIMAL(26,8), customer_id BIGINT UNSIGNED, date_created_gmt DATETIME, date_updated_gmt DATETIME)",
        $"INSERT INTO {prefix}wc_orders VALUES (1,'wc-completed','EUR','shop_order',10.00,7,'2026-11-19 08:00:00','2026-11-19 08:00:00'), (2,'wc-processing','EUR','shop_order',20.00,8,'2026-11-20 17:45:30','2026-11-20 17:45:30'), (3,'wc-completed','EUR','shop_order',5.50,9,'2026-11-20 12:00:00','2026-11-20 12:00:00'), (4,'wc-refunded','EUR','shop_order_refund',-5.50,9,'2026-11-20 18:30:00','2026-11-20 18:30:00')",
    ];

    /// <summary>WooCommerce legacy storage: orders as wp_posts rows (subset of columns), 2 orders + 1 product.</summary>
    public static string[] WooCommerceLegacy() =>
    [
        "CREATE TABLE wp_posts (ID BIGINT UNSIGNED NOT NULL PRIMARY KEY, post_author BIGINT UNSIGNED, post_date DATETIME, post_date_gmt DATETIME, post_status VARCHAR(20), post_type VARCHAR(20))",
        "INSERT INTO wp_posts VALUES (10,1,'2026-11-20 18:45:30','2026-11-20 17:45:30','wc-completed','shop_order'), (11,1,'2026-11-18 10:00:00','2026-11-18 09:00:00','wc-completed','shop_order'), (12,1,'2026-11-21 10:00:00','2026-11-21 09:00:00','publish','product')",
    ];

    /// <summary>Magento 2 sales_order (subset of columns), 2 orders; created_at is UTC.</summary>
    public static string[] Magento(bool postgres = false) =>
    [
        postgres
            ? "CREATE TABLE sales_order (entity_id SERIAL PRIMARY KEY, increment_id VARCHAR(32), state VARCHAR(32), status VARCHAR(32), grand_total NUMERIC(20,4), created_at TIMESTAMP NOT NULL)"
            : "CREATE TABLE sales_order (entity_id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, increment_id VARCHAR(32), state VARCHAR(32), status VARCHAR(32), grand_total DECIMAL(20,4), created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        "INSERT INTO sales_order (increment_id, state, status, grand_total, created_at) VALUES ('000000001','complete','complete',99.90,'2026-11-20 17:45:30'), ('000000002','processing','processing',12.00,'2026-11-19 11:11:11')",
    ];
}
