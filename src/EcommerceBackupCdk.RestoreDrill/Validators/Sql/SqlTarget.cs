namespace EcommerceBackupCdk.RestoreDrill.Validators.Sql;

/// <summary>Where and as whom a probe connects. Host and port always come from the restored instance, never from the secret.</summary>
public sealed record SqlTarget(SqlEngine Engine, string Host, int Port, string Database, string Username, string Password)
{
    /// <summary>Keeps the password out of logs and exception messages.</summary>
    public override string ToString() => $"{Engine} {Username}@{Host}:{Port}/{Database}";
}
