namespace EcommerceBackupCdk.RestoreDrill.Validators.Sql;

/// <summary>SQL dialects the probes speak.</summary>
public enum SqlEngine
{
    /// <summary>MySQL, MariaDB, Aurora MySQL (MySqlConnector).</summary>
    MySql,

    /// <summary>PostgreSQL, Aurora PostgreSQL (Npgsql).</summary>
    PostgreSql,
}
