using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Validators.Sql;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>
/// RDS and Aurora: the restored instance/cluster is available and encrypted, then the order probe runs against its own
/// endpoint (for Aurora, the drill flow's temporary instance). Credentials: with <see cref="RdsProbeCredentials.OneTimePassword"/>
/// (the drill flow) a fresh master password is set on the restored, throw-away copy and used in this call only — the
/// restored database carries the password of its recovery point, while RDS-managed secrets rotate; with
/// <see cref="RdsProbeCredentials.Secret"/> the configured secret is read. Changes nothing but the restored copy's password.
/// Plain class, usable on its own (the store recovery reuses it).
/// </summary>
public sealed class RdsValidator : IResourceValidator
{
    private readonly IRdsApi _rds;
    private readonly ISecretsApi _secrets;
    private readonly ISqlProbe _probe;
    private readonly Func<string, int, (string Host, int Port)> _endpointMap;
    private readonly RdsProbeCredentials _credentials;
    private readonly TimeSpan _passwordApplyTimeout;
    private readonly TimeSpan _passwordRetryDelay;

    /// <param name="endpointMap">Maps the restored endpoint before connecting; identity in Lambda, a loopback server in tests.</param>
    /// <param name="credentials">Where the probe's credentials come from.</param>
    /// <param name="passwordApplyTimeout">How long a probe retries a rejected login while RDS applies the new password ("the change is asynchronously applied as soon as possible", ModifyDBInstance MasterUserPassword). Default 120 s.</param>
    public RdsValidator(IRdsApi rds, ISecretsApi secrets, ISqlProbe probe, Func<string, int, (string Host, int Port)>? endpointMap = null,
        RdsProbeCredentials credentials = RdsProbeCredentials.Secret, TimeSpan? passwordApplyTimeout = null, TimeSpan? passwordRetryDelay = null)
    {
        _rds = rds;
        _secrets = secrets;
        _probe = probe;
        _endpointMap = endpointMap ?? ((host, port) => (host, port));
        _credentials = credentials;
        _passwordApplyTimeout = passwordApplyTimeout ?? TimeSpan.FromSeconds(120);
        _passwordRetryDelay = passwordRetryDelay ?? TimeSpan.FromSeconds(5);
    }

    public async Task<ResourceValidation> ValidateAsync(ValidationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = new List<DrillCheck>();
        if (!ResourceArn.TryParse(context.CreatedResourceArn, out var arn) || (arn.RdsInstanceId is null && arn.RdsClusterId is null))
        {
            checks.Add(DrillCheck.Fail("rds.arn", $"'{context.CreatedResourceArn}' is not an RDS instance or cluster ARN (arn:aws:rds:<region>:<account>:db:<id> or :cluster:<id>)"));
            return new ResourceValidation { Checks = checks };
        }

        string? engine, host, dbName, masterUsername;
        int? port;
        string passwordTarget;
        var passwordOnCluster = false;
        if (arn.RdsInstanceId is { } instanceId)
        {
            var instance = await _rds.DescribeDbInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (!SameArn(instance.DbInstanceArn, context.CreatedResourceArn, checks, "instance"))
            {
                return new ResourceValidation { Checks = checks };
            }

            checks.Add(instance.Status == "available"
                ? DrillCheck.Pass("rds.available", $"instance '{instanceId}' is available")
                : DrillCheck.Fail("rds.available", $"instance '{instanceId}' is '{instance.Status}', not available; look at the RDS events of the restored instance"));
            checks.Add(instance.StorageEncrypted
                ? DrillCheck.Pass("rds.encrypted", "storage is encrypted")
                : DrillCheck.Fail("rds.encrypted", $"instance '{instanceId}' is not encrypted at rest; the source or its snapshot is unencrypted — encrypt the source database"));
            (engine, host, port, dbName, masterUsername) = (instance.Engine, instance.EndpointAddress, instance.EndpointPort, instance.DbName, instance.MasterUsername);
            passwordTarget = instanceId;
            if (instance.Status != "available")
            {
                return new ResourceValidation { Checks = checks };
            }
        }
        else
        {
            var clusterId = arn.RdsClusterId!;
            var cluster = await _rds.DescribeDbClusterAsync(clusterId, cancellationToken).ConfigureAwait(false);
            if (!SameArn(cluster.DbClusterArn, context.CreatedResourceArn, checks, "cluster"))
            {
                return new ResourceValidation { Checks = checks };
            }

            checks.Add(cluster.Status == "available"
                ? DrillCheck.Pass("rds.available", $"cluster '{clusterId}' is available")
                : DrillCheck.Fail("rds.available", $"cluster '{clusterId}' is '{cluster.Status}', not available; look at the RDS events of the restored cluster"));
            checks.Add(cluster.StorageEncrypted
                ? DrillCheck.Pass("rds.encrypted", "storage is encrypted")
                : DrillCheck.Fail("rds.encrypted", $"cluster '{clusterId}' is not encrypted at rest; encrypt the source cluster"));
            if (cluster.Status != "available")
            {
                return new ResourceValidation { Checks = checks };
            }

            (engine, host, port, dbName, masterUsername) = (cluster.Engine, cluster.Endpoint, cluster.Port, cluster.DatabaseName, cluster.MasterUsername);
            passwordTarget = clusterId;
            passwordOnCluster = true;
            if (context.TemporaryInstanceId is { } temporaryId)
            {
                // The flow's instance is the only member AWS Backup's restore leaves; its endpoint answers SQL.
                var temporary = await _rds.DescribeDbInstanceAsync(temporaryId, cancellationToken).ConfigureAwait(false);
                if (!string.Equals(temporary.DbClusterIdentifier, clusterId, StringComparison.Ordinal) || temporary.Status != "available")
                {
                    checks.Add(DrillCheck.Fail("aurora.temporaryInstance", $"temporary instance '{temporaryId}' is '{temporary.Status}' in cluster '{temporary.DbClusterIdentifier}', not available in '{clusterId}'"));
                    return new ResourceValidation { Checks = checks };
                }

                checks.Add(DrillCheck.Pass("aurora.temporaryInstance", $"temporary instance '{temporaryId}' ({temporary.Engine}) is available in the restored cluster"));
                (host, port) = (temporary.EndpointAddress ?? host, temporary.EndpointPort ?? port);
            }
            else if (cluster.MemberInstanceIdentifiers.Count == 0)
            {
                checks.Add(DrillCheck.Skip("sql.probe", $"NOT VALIDATED AT DATA LEVEL: cluster '{clusterId}' has no DB instance (AWS Backup restores Aurora clusters without instances); the drill flow adds a temporary instance"));
                return new ResourceValidation { Checks = checks };
            }
        }

        var sqlEngine = engine switch
        {
            "mysql" or "mariadb" or "aurora-mysql" or "aurora" => SqlEngine.MySql,
            "postgres" or "aurora-postgresql" => SqlEngine.PostgreSql,
            _ => (SqlEngine?)null,
        };
        if (sqlEngine is null)
        {
            checks.Add(DrillCheck.Fail("sql.probe", $"engine '{engine}' has no SQL probe (supported: mysql, mariadb, aurora-mysql, postgres, aurora-postgresql)"));
            return new ResourceValidation { Checks = checks };
        }

        if (host is null || port is null)
        {
            checks.Add(DrillCheck.Fail("sql.probe", "the restored database reports no endpoint yet; retry the drill when it is available"));
            return new ResourceValidation { Checks = checks };
        }

        var (mappedHost, mappedPort) = _endpointMap(host, port.Value);
        SqlProbeResult result;
        if (_credentials == RdsProbeCredentials.OneTimePassword)
        {
            var database = context.Settings.Database ?? dbName;
            if (database is null || masterUsername is null)
            {
                checks.Add(DrillCheck.Fail("sql.database", $"no {(database is null ? "database" : "master user")} to probe: set SQL_DATABASE (or the resource's database); the restored database names none"));
                return new ResourceValidation { Checks = checks };
            }

            // Generated, set and used here only: never logged, reported or returned.
            var password = OneTimePassword.Generate();
            await _rds.SetMasterUserPasswordAsync(passwordOnCluster, passwordTarget, password, cancellationToken).ConfigureAwait(false);
            checks.Add(DrillCheck.Pass("sql.oneTimePassword", $"a one-time master password was set on the restored {(passwordOnCluster ? "cluster" : "instance")} '{passwordTarget}' (never stored)"));
            var target = new SqlTarget(sqlEngine.Value, mappedHost, mappedPort, database, masterUsername, password);
            result = await ProbeWhilePasswordAppliesAsync(target, SqlQueries.For(context.Settings), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (context.Settings.SecretArn is not { } secretArn)
            {
                checks.Add(DrillCheck.Fail("sql.credentials", "no credentials configured: set DB_SECRET_ARN (or the resource's secretArn) to the source database's secret"));
                return new ResourceValidation { Checks = checks };
            }

            var credentials = DbCredentials.Parse(await _secrets.GetSecretStringAsync(secretArn, cancellationToken).ConfigureAwait(false), secretArn);
            var database = context.Settings.Database ?? dbName ?? credentials.DbName;
            if (database is null)
            {
                checks.Add(DrillCheck.Fail("sql.database", "no database to probe: set SQL_DATABASE (or the resource's database); the instance and the secret name none"));
                return new ResourceValidation { Checks = checks };
            }

            var target = new SqlTarget(sqlEngine.Value, mappedHost, mappedPort, database, credentials.Username, credentials.Password);
            result = await _probe.RunAsync(target, SqlQueries.For(context.Settings), cancellationToken).ConfigureAwait(false);
        }

        var minimum = context.Settings.MinimumRecordCount;
        checks.Add(result.OrderCount >= minimum
            ? DrillCheck.Pass("sql.orderCount", $"{result.OrderCount} orders ({context.Settings.SqlPreset}, minimum {minimum})")
            : DrillCheck.Fail("sql.orderCount", $"{result.OrderCount} orders ({context.Settings.SqlPreset}), fewer than the minimum {minimum}; check the preset/table prefix and that the recovery point holds the data"));
        checks.Add(result.NewestOrderAt is { } newest
            ? DrillCheck.Pass("sql.newestOrder", $"newest order at {newest:O}")
            : DrillCheck.Fail("sql.newestOrder", "the probe found no order time; check the preset or custom query"));
        return new ResourceValidation { Checks = checks, RecordCount = result.OrderCount, NewestRecordAt = result.NewestOrderAt, DataValidated = true };
    }

    // RDS applies a new master password asynchronously; until it has, logins are refused. Retries only login refusals.
    private async Task<SqlProbeResult> ProbeWhilePasswordAppliesAsync(SqlTarget target, string query, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + _passwordApplyTimeout;
        while (true)
        {
            try
            {
                return await _probe.RunAsync(target, query, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsLoginRefused(e) && DateTimeOffset.UtcNow + _passwordRetryDelay < deadline)
            {
                await Task.Delay(_passwordRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>MySQL/MariaDB error 1045 (ER_ACCESS_DENIED_ERROR) or PostgreSQL SQLSTATE 28P01 (invalid_password).</summary>
    internal static bool IsLoginRefused(Exception e) => e switch
    {
        MySqlConnector.MySqlException my => my.Number == 1045,
        Npgsql.PostgresException pg => pg.SqlState == "28P01",
        _ => false,
    };

    private static bool SameArn(string? actual, string expected, List<DrillCheck> checks, string kind)
    {
        if (string.Equals(actual, expected, StringComparison.Ordinal))
        {
            return true;
        }

        checks.Add(DrillCheck.Fail("rds.arnMatchesJob", $"the {kind} found has ARN '{actual}', not the restore job's '{expected}'; refusing to probe it"));
        return false;
    }
}
