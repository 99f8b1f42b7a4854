namespace EcommerceBackupCdk.Contract;

/// <summary>
/// Fields of one entry of <see cref="DrillVariables.ResourceSettings"/>, a JSON array matched on the source resource ARN
/// (exact, or a prefix with a trailing '*'), e.g.
/// <c>[{"sourceArn":"arn:aws:rds:eu-central-1:111122223333:db:shop*","sqlPreset":"magento","database":"magento"}]</c>.
/// </summary>
internal static class ResourceSettingFields
{
    /// <summary>Required. Source resource ARN, or an ARN prefix ending in '*'.</summary>
    public const string SourceArn = "sourceArn";

    /// <summary>Tier (<see cref="ContractTiers"/>).</summary>
    public const string Tier = "tier";

    /// <summary>DynamoDB attribute with the order/cart time; empty disables the freshness check.</summary>
    public const string TimestampAttribute = "timestampAttribute";

    /// <summary>SQL probe preset (<see cref="SqlPresets"/>).</summary>
    public const string SqlPreset = "sqlPreset";

    /// <summary>Custom SQL probe.</summary>
    public const string SqlCustomQuery = "sqlCustomQuery";

    /// <summary>Table prefix of the presets.</summary>
    public const string SqlTablePrefix = "sqlTablePrefix";

    /// <summary>Database (schema) to probe.</summary>
    public const string Database = "database";

    /// <summary>Secrets Manager secret with the database credentials.</summary>
    public const string SecretArn = "secretArn";

    /// <summary>Minimum items/rows/objects (a JSON number, 0 or more).</summary>
    public const string MinimumRecordCount = "minimumRecordCount";

    /// <summary>Every field, in the order the construct writes them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [SourceArn, Tier, TimestampAttribute, SqlPreset, SqlCustomQuery, SqlTablePrefix, Database, SecretArn, MinimumRecordCount];
}
