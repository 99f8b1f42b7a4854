using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;
using EcommerceBackupCdk.RestoreDrill.Validators.Sql;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Validators;

/// <summary>The order probes against real MariaDB and PostgreSQL servers on 127.0.0.1.</summary>
public sealed class AdoSqlProbeTests
{
    private static readonly DateTimeOffset Newest = new(SqlServers.NewestOrderUtc);

    private static SqlTarget MariaDb(string database, string? password = null) =>
        new(SqlEngine.MySql, TestServices.MariaDbHost, TestServices.MariaDbPort, database, TestServices.MariaDbUser, password ?? TestServices.MariaDbPassword);

    private static SqlTarget Postgres(string database) =>
        new(SqlEngine.PostgreSql, TestServices.PostgresHost, TestServices.PostgresPort, database, TestServices.PostgresUser, TestServices.PostgresPassword);

    private static string Query(string preset, string? custom = null, string? prefix = null) =>
        SqlQueries.For(new ResourceSettings { Tier = ContractTiers.Critical, SqlPreset = preset, SqlCustomQuery = custom, SqlTablePrefix = prefix });

    [Fact]
    public async Task Run_WooCommerceHposOnMariaDb_CountsShopOrdersOnlyAndReadsNewestGmt()
    {
        var db = await SqlServers.CreateMariaDbAsync(SqlServers.WooCommerceHpos());

        var result = await new AdoSqlProbe().RunAsync(MariaDb(db), Query(SqlPresets.WooCommerce), CancellationToken.None);

        result.Should().Be(new SqlProbeResult(3, Newest));
    }

    [Fact]
    public async Task Run_WooCommerceHposWithCustomPrefix_UsesThePrefix()
    {
        var db = await SqlServers.CreateMariaDbAsync(SqlServers.WooCommerceHpos("shop1_"));

        var result = await new AdoSqlProbe().RunAsync(MariaDb(db), Query(SqlPresets.WooCommerce, prefix: "shop1_"), CancellationToken.None);

        result.OrderCount.Should().Be(3);
    }

    [Fact]
    public async Task Run_WooCommerceLegacyOnMariaDb_CountsShopOrderPosts()
    {
        var db = await SqlServers.CreateMariaDbAsync(SqlServers.WooCommerceLegacy());

        var result = await new AdoSqlProbe().RunAsync(MariaDb(db), Query(SqlPresets.WooCommerceLegacy), CancellationToken.None);

        result.Should().Be(new SqlProbeResult(2, Newest));
    }

    [Fact]
    public async Task Run_MagentoOnMariaDb_CountsSalesOrders()
    {
        var db = await SqlServers.CreateMariaDbAsync(SqlServers.Magento());

        var result = await new AdoSqlProbe().RunAsync(MariaDb(db), Query(SqlPresets.Magento), CancellationToken.None);

        result.Should().Be(new SqlProbeResult(2, Newest));
    }

    [Fact]
    public async Task Run_MagentoOnPostgres_CountsSalesOrders()
    {
        var db = await SqlServers.CreatePostgresAsync(SqlServers.Magento(postgres: true));

        var result = await new AdoSqlProbe().RunAsync(Postgres(db), Query(SqlPresets.Magento), CancellationToken.None);

        result.Should().Be(new SqlProbeResult(2, Newest));
    }

    [Fact]
    public async Task Run_CustomQueryOnPostgresWithTimestamptz_ReadsCountAndNewest()
    {
        var db = await SqlServers.CreatePostgresAsync(
            "CREATE TABLE orders (id bigserial PRIMARY KEY, placed_at timestamptz NOT NULL)",
            "INSERT INTO orders (placed_at) VALUES ('2026-11-20 18:45:30+01'), ('2026-11-01 00:00:00+00')");

        var result = await new AdoSqlProbe().RunAsync(Postgres(db), Query(SqlPresets.Custom, "SELECT count(*), max(placed_at) FROM orders"), CancellationToken.None);

        result.Should().Be(new SqlProbeResult(2, Newest));
    }

    [Fact]
    public async Task Run_EmptyTable_ReturnsZeroAndNoNewest()
    {
        var db = await SqlServers.CreateMariaDbAsync(SqlServers.Magento()[0]);

        var result = await new AdoSqlProbe().RunAsync(MariaDb(db), Query(SqlPresets.Magento), CancellationToken.None);

        result.Should().Be(new SqlProbeResult(0, null));
    }

    [Fact]
    public async Task Run_CustomQueryThatWritesOnPostgres_IsRefusedByTheReadOnlyTransaction()
    {
        var db = await SqlServers.CreatePostgresAsync(SqlServers.Magento(postgres: true));
        const string sneaky = "WITH gone AS (DELETE FROM sales_order RETURNING created_at) SELECT count(*), max(created_at) FROM gone";

        var act = () => new AdoSqlProbe().RunAsync(Postgres(db), sneaky, CancellationToken.None);

        (await act.Should().ThrowAsync<Npgsql.PostgresException>()).Which.SqlState.Should().Be("25006"); // read_only_sql_transaction
        var after = await new AdoSqlProbe().RunAsync(Postgres(db), Query(SqlPresets.Magento), CancellationToken.None);
        after.OrderCount.Should().Be(2);
    }

    [Fact]
    public async Task Run_MissingTable_ThrowsTheServerError()
    {
        var db = await SqlServers.CreateMariaDbAsync();

        var act = () => new AdoSqlProbe().RunAsync(MariaDb(db), Query(SqlPresets.WooCommerce), CancellationToken.None);

        (await act.Should().ThrowAsync<MySqlConnector.MySqlException>()).Which.Message.Should().Contain("wp_wc_orders");
    }

    [Fact]
    public async Task Run_WrongPassword_ThrowsAccessDenied()
    {
        var db = await SqlServers.CreateMariaDbAsync();

        var act = () => new AdoSqlProbe().RunAsync(MariaDb(db, "wrong"), Query(SqlPresets.Magento), CancellationToken.None);

        (await act.Should().ThrowAsync<MySqlConnector.MySqlException>()).Which.Message.Should().Contain("Access denied");
    }

    [Fact]
    public async Task Run_QueryWithOneColumn_ExplainsTheExpectedShape()
    {
        var db = await SqlServers.CreatePostgresAsync();

        var act = () => new AdoSqlProbe().RunAsync(Postgres(db), "SELECT 1", CancellationToken.None);

        await act.Should().ThrowAsync<InvalidDataException>().WithMessage("*two: order count, newest order time*");
    }
}
