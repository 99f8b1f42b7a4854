namespace EcommerceBackupCdk.RestoreDrill.Validators.Sql;

/// <summary>Runs the order probe query in a read-only transaction.</summary>
public interface ISqlProbe
{
    Task<SqlProbeResult> RunAsync(SqlTarget target, string query, CancellationToken cancellationToken);
}
