using System.Text.Json.Serialization;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>The targets of one tier as the CDK app passes them (EVIDENCE_TIERS; field names in <see cref="EvidenceTierFields"/>).</summary>
public sealed record EvidenceTierTarget
{
    [JsonPropertyName(EvidenceTierFields.RpoSeconds)]
    public required long RpoSeconds { get; init; }

    [JsonPropertyName(EvidenceTierFields.RtoSeconds)]
    public required long RtoSeconds { get; init; }

    /// <summary>The longest retention of any recovery point or copy of the tier.</summary>
    [JsonPropertyName(EvidenceTierFields.RetentionDays)]
    public long RetentionDays { get; init; }

    /// <summary>Rules in words, e.g. "Hourly cron(0 * ? * * *) kept 14d".</summary>
    [JsonPropertyName(EvidenceTierFields.Rules)]
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Copies in words, e.g. "Daily -> DR region eu-west-1".</summary>
    [JsonPropertyName(EvidenceTierFields.Copies)]
    public IReadOnlyList<string> Copies { get; init; } = [];
}
