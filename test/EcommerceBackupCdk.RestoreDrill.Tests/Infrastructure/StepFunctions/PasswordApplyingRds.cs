#pragma warning disable CA1725 // short parameter names in a test double
using EcommerceBackupCdk.RestoreDrill.Aws;
using MySqlConnector;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure.StepFunctions;

/// <summary>
/// RDS in moto, plus what moto cannot do: a new master password reaches the database engine. Here the engine is the
/// local MariaDB, where the master user is created or changed — asynchronously, after <paramref name="applyDelay"/>,
/// as RDS documents ("the change is asynchronously applied as soon as possible", ModifyDBInstance MasterUserPassword,
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html). Records the calls; the
/// password itself is only kept to check it never leaks.
/// </summary>
public sealed class PasswordApplyingRds(IRdsApi inner, string database, TimeSpan applyDelay) : IRdsApi
{
    private readonly List<string> _calls = [];

    public IReadOnlyList<string> Calls { get { lock (_calls) { return [.. _calls]; } } }

    /// <summary>Every password set (to assert it appears nowhere else).</summary>
    public List<string> PasswordsSet { get; } = [];

    public Task<DbInstanceDescription> DescribeDbInstanceAsync(string id, CancellationToken ct) => Record("DescribeDBInstances " + id, inner.DescribeDbInstanceAsync(id, ct));

    public Task<DbClusterDescription> DescribeDbClusterAsync(string id, CancellationToken ct) => Record("DescribeDBClusters " + id, inner.DescribeDbClusterAsync(id, ct));

    public Task<IReadOnlyList<string>> DescribeOrderableInstanceClassesAsync(string engine, string? version, CancellationToken ct) =>
        Record("DescribeOrderableDBInstanceOptions " + engine, inner.DescribeOrderableInstanceClassesAsync(engine, version, ct));

    public Task CreateClusterInstanceAsync(string id, string cluster, string instanceClass, string engine, IReadOnlyDictionary<string, string> tags, CancellationToken ct) =>
        Record($"CreateDBInstance {id} {cluster} {instanceClass} tags={string.Join(",", tags.Keys)}", inner.CreateClusterInstanceAsync(id, cluster, instanceClass, engine, tags, ct));

    public Task DeleteDbInstanceAsync(string id, CancellationToken ct) => Record("DeleteDBInstance " + id, inner.DeleteDbInstanceAsync(id, ct));

    public async Task SetMasterUserPasswordAsync(bool cluster, string identifier, string password, CancellationToken ct)
    {
        await Record($"{(cluster ? "ModifyDBCluster" : "ModifyDBInstance")} {identifier} MasterUserPassword", inner.SetMasterUserPasswordAsync(cluster, identifier, password, ct));
        lock (PasswordsSet)
        {
            PasswordsSet.Add(password);
        }

        var user = cluster
            ? (await inner.DescribeDbClusterAsync(identifier, ct)).MasterUsername!
            : (await inner.DescribeDbInstanceAsync(identifier, ct)).MasterUsername!;
        _ = Task.Run(async () =>
        {
            await Task.Delay(applyDelay, CancellationToken.None);
            await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder
            {
                Server = TestServices.MariaDbHost,
                Port = (uint)TestServices.MariaDbPort,
                UserID = TestServices.MariaDbUser,
                Password = TestServices.MariaDbPassword,
                SslMode = MySqlSslMode.None,
            }.ConnectionString);
            await connection.OpenAsync();
            // The master user of a restored cluster already holds its privileges; only its password changes. So the
            // privileges are in place before the new password works (a login that succeeds must also be able to read,
            // or the probe would see "Access denied ... to database" that RDS never produces for its master user).
            foreach (var sql in new[]
            {
                $"CREATE USER IF NOT EXISTS '{user}'@'127.0.0.1' IDENTIFIED BY '{Guid.NewGuid():N}'",
                $"GRANT SELECT ON {database}.* TO '{user}'@'127.0.0.1'",
                $"ALTER USER '{user}'@'127.0.0.1' IDENTIFIED BY '{password}'",
            })
            {
                await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // test-only statements with generated identifiers
                command.CommandText = sql;
#pragma warning restore CA2100
                await command.ExecuteNonQueryAsync();
            }
        }, CancellationToken.None);
    }

    private async Task<T> Record<T>(string call, Task<T> task)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }

        return await task;
    }

    private async Task Record(string call, Task task)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }

        await task;
    }
}
