using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Validators.Sql;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>
/// RDS and Aurora: the restored instance/cluster is available and encrypted, then the order probe runs
/// against its own endpoint with the source database's credentials from Secrets Manager. Read-only.
/// </summary>
public sealed class RdsValidator : IResourceValidator
{
    private readonly IRdsApi _rds;
    private readonly ISecretsApi _secrets;
    private readonly ISqlProbe _probe;
    private readonly Func<string, int, (string Host, int Port)> _endpointMap;

    /// <param name="endpointMap">Maps the restored endpoint before connecting; identity in Lambda, a loopback server in tests.</param>
    public RdsValidator(IRdsApi rds, ISecretsApi secrets, ISqlProbe probe, Func<string, int, (string Host, int Port)>? endpointMap = null)
    {
        _rds = rds;
        _secrets = secrets;
        _probe = probe;
        _endpointMap = endpointMap ?? ((host, port) => (host, port));
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

        string? engine, host, dbName;
        int? port;
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
            (engine, host, port, dbName) = (instance.Engine, instance.EndpointAddress, instance.EndpointPort, instance.DbName);
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

            if (cluster.MemberInstanceIdentifiers.Count == 0)
            {
                checks.Add(DrillCheck.Fail("sql.probe", $"cluster '{clusterId}' has no DB instance, so it cannot answer SQL; give the restore testing selection restore metadata that creates an instance"));
                return new ResourceValidation { Checks = checks };
            }

            (engine, host, port, dbName) = (cluster.Engine, cluster.Endpoint, cluster.Port, cluster.DatabaseName);
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

        var (mappedHost, mappedPort) = _endpointMap(host, port.Value);
        var target = new SqlTarget(sqlEngine.Value, mappedHost, mappedPort, database, credentials.Username, credentials.Password);
        var result = await _probe.RunAsync(target, SqlQueries.For(context.Settings), cancellationToken).ConfigureAwait(false);
        var minimum = context.Settings.MinimumRecordCount;
        checks.Add(result.OrderCount >= minimum
            ? DrillCheck.Pass("sql.orderCount", $"{result.OrderCount} orders ({context.Settings.SqlPreset}, minimum {minimum})")
            : DrillCheck.Fail("sql.orderCount", $"{result.OrderCount} orders ({context.Settings.SqlPreset}), fewer than the minimum {minimum}; check the preset/table prefix and that the recovery point holds the data"));
        checks.Add(result.NewestOrderAt is { } newest
            ? DrillCheck.Pass("sql.newestOrder", $"newest order at {newest:O}")
            : DrillCheck.Fail("sql.newestOrder", "the probe found no order time; check the preset or custom query"));
        return new ResourceValidation { Checks = checks, RecordCount = result.OrderCount, NewestRecordAt = result.NewestOrderAt, DataValidated = true };
    }

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
