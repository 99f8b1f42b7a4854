using System.Data;
using System.Data.Common;
using System.Globalization;
using MySqlConnector;
using Npgsql;

namespace EcommerceBackupCdk.RestoreDrill.Validators.Sql;

/// <summary>
/// Runs the probe over ADO.NET: MySqlConnector for MySQL/MariaDB/Aurora MySQL, Npgsql for PostgreSQL/Aurora PostgreSQL.
/// Both are truly asynchronous, so the validation timeout's cancellation token stops a hung connect or query
/// (MySqlConnector on NuGet: "A truly async MySQL ADO.NET provider"; MySql.Data's async methods ran synchronously).
/// The query runs inside a READ ONLY transaction that is rolled back, so even a custom query cannot write.
/// TLS is preferred (used when the server offers it).
/// </summary>
public sealed class AdoSqlProbe : ISqlProbe
{
    private readonly TimeSpan _connectTimeout;
    private readonly TimeSpan _commandTimeout;

    public AdoSqlProbe(TimeSpan? connectTimeout = null, TimeSpan? commandTimeout = null)
    {
        _connectTimeout = connectTimeout ?? TimeSpan.FromSeconds(15);
        _commandTimeout = commandTimeout ?? TimeSpan.FromSeconds(120);
    }

    public async Task<SqlProbeResult> RunAsync(SqlTarget target, string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        await using var connection = Open(target);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var readOnly = connection.CreateCommand())
        {
            readOnly.CommandText = target.Engine == SqlEngine.MySql ? "START TRANSACTION READ ONLY" : "BEGIN TRANSACTION READ ONLY";
            await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // presets are constants with a validated prefix; custom queries are operator config and run read-only
            command.CommandText = query;
#pragma warning restore CA2100
            command.CommandTimeout = (int)_commandTimeout.TotalSeconds;
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidDataException("the probe query returned no row; it must return one row: order count, newest order time");
            }

            if (reader.FieldCount < 2)
            {
                throw new InvalidDataException($"the probe query returned {reader.FieldCount} column(s); it must return two: order count, newest order time");
            }

            var count = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            var newest = ReadTime(reader.IsDBNull(1) ? null : reader.GetValue(1));
            return new SqlProbeResult(count, newest);
        }
        finally
        {
            await using var rollback = connection.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private DbConnection Open(SqlTarget target)
    {
        if (target.Engine == SqlEngine.MySql)
        {
            var builder = new MySqlConnectionStringBuilder
            {
                Server = target.Host,
                Port = (uint)target.Port,
                Database = target.Database,
                UserID = target.Username,
                Password = target.Password,
                SslMode = MySqlSslMode.Preferred,
                ConnectionTimeout = (uint)_connectTimeout.TotalSeconds,
                DefaultCommandTimeout = (uint)_commandTimeout.TotalSeconds,
                Pooling = false,
                CharacterSet = "utf8mb4",
            };
            return new MySqlConnection(builder.ConnectionString);
        }

        var pg = new NpgsqlConnectionStringBuilder
        {
            Host = target.Host,
            Port = target.Port,
            Database = target.Database,
            Username = target.Username,
            Password = target.Password,
            SslMode = SslMode.Prefer,
            Timeout = (int)_connectTimeout.TotalSeconds,
            CommandTimeout = (int)_commandTimeout.TotalSeconds,
            Pooling = false,
        };
        return new NpgsqlConnection(pg.ConnectionString);
    }

    /// <summary>DATETIME / timestamp without zone are taken as UTC (WooCommerce *_gmt, Magento created_at).</summary>
    internal static DateTimeOffset? ReadTime(object? value) => value switch
    {
        null => null,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc)).ToUniversalTime(),
        DateTimeOffset dto => dto.ToUniversalTime(),
        MySqlDateTime { IsValidDateTime: true } my => new DateTimeOffset(DateTime.SpecifyKind(my.GetDateTime(), DateTimeKind.Utc)),
        MySqlDateTime => null,
        string s when RecordTimestamp.TryParse(s, false, out var parsed) => parsed,
        long or int or decimal or double when RecordTimestamp.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), true, out var parsed) => parsed,
        _ => throw new InvalidDataException($"the probe query's second column is a {value.GetType().Name} ('{value}'), not a time"),
    };
}
