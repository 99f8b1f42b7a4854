using Amazon.CDK.AWS.SecretsManager;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// How the validator judges one source resource (or every resource whose ARN starts with a prefix): its tier and the
/// data probes. Unset members fall back to <see cref="DrillOptions"/>.
/// </summary>
public sealed record DrillResourceSettings
{
    /// <summary>ARN of the source resource, or a prefix ending in <c>*</c> (e.g. <c>arn:aws:rds:eu-central-1:111111111111:db:shop*</c>).</summary>
    public required string SourceArn { get; init; }

    /// <summary>The tier the resource is judged by. Default: the strictest drilled tier.</summary>
    public TierName? Tier { get; init; }

    /// <summary>DynamoDB attribute with the order/cart time; empty disables the freshness check. Default: <see cref="DrillOptions.FreshnessAttribute"/>.</summary>
    public string? FreshnessAttribute { get; init; }

    /// <summary>SQL probe preset. Default: <see cref="DrillOptions.SqlPreset"/>.</summary>
    public string? SqlPreset { get; init; }

    /// <summary>Custom SQL probe (one SELECT returning order count and newest order time). Default: <see cref="DrillOptions.SqlCustomQuery"/>.</summary>
    public string? SqlCustomQuery { get; init; }

    /// <summary>Table prefix of the presets. Default: <see cref="DrillOptions.SqlTablePrefix"/>.</summary>
    public string? SqlTablePrefix { get; init; }

    /// <summary>Database (schema) to probe. Default: <see cref="DrillOptions.SqlDatabase"/>.</summary>
    public string? SqlDatabase { get; init; }

    /// <summary>Secret with the source database's username and password. Default: <see cref="DrillOptions.DatabaseSecret"/>.</summary>
    public ISecret? DatabaseSecret { get; init; }

    /// <summary>Minimum items, rows or objects. Default: <see cref="DrillOptions.MinimumRecordCount"/>.</summary>
    public long? MinimumRecordCount { get; init; }
}
