namespace EcommerceBackupCdk.RestoreDrill.Configuration;

/// <summary>How to judge one restored resource: its tier and the data probes. Defaults come from the environment.</summary>
public sealed record ResourceSettings
{
    /// <summary>Source resource ARN this applies to; exact, or a prefix when it ends with '*'. Null for the defaults.</summary>
    public string? SourceArn { get; init; }

    public required string Tier { get; init; }

    /// <summary>DynamoDB attribute with the order/cart time; null disables the freshness check.</summary>
    public string? TimestampAttribute { get; init; }

    public required string SqlPreset { get; init; }

    public string? SqlCustomQuery { get; init; }

    public string? SqlTablePrefix { get; init; }

    public string? Database { get; init; }

    public string? SecretArn { get; init; }

    public long MinimumRecordCount { get; init; } = 1;

    public bool Matches(string? sourceArn) =>
        SourceArn is not null && sourceArn is not null &&
        (SourceArn.EndsWith('*')
            ? sourceArn.StartsWith(SourceArn[..^1], StringComparison.Ordinal)
            : string.Equals(SourceArn, sourceArn, StringComparison.Ordinal));
}
