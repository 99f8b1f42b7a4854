namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>Where <see cref="RdsValidator"/> takes the SQL probe's credentials from.</summary>
public enum RdsProbeCredentials
{
    /// <summary>The configured Secrets Manager secret (DB_SECRET_ARN or the resource's secretArn).</summary>
    Secret,

    /// <summary>A one-time master password set on the restored copy by the validator itself (the drill flow).</summary>
    OneTimePassword,
}
