namespace EcommerceBackupCdk.Contract;

/// <summary>Fields of one tier in <see cref="EvidenceVariables.Tiers"/> (camelCase JSON).</summary>
internal static class EvidenceTierFields
{
    /// <summary>The tier's RPO in whole seconds.</summary>
    public const string RpoSeconds = "rpoSeconds";

    /// <summary>The tier's RTO in whole seconds.</summary>
    public const string RtoSeconds = "rtoSeconds";

    /// <summary>The longest retention of any recovery point or copy of the tier, in days.</summary>
    public const string RetentionDays = "retentionDays";

    /// <summary>Rules in words, e.g. "Hourly cron(0 * ? * * *) kept 14d".</summary>
    public const string Rules = "rules";

    /// <summary>Copies in words, e.g. "Daily -> DR region eu-west-1 [...]".</summary>
    public const string Copies = "copies";
}
