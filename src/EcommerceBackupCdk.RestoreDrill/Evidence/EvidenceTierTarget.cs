namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>The targets of one tier as the CDK app passes them (EVIDENCE_TIERS).</summary>
public sealed record EvidenceTierTarget
{
    public required long RpoSeconds { get; init; }

    public required long RtoSeconds { get; init; }

    /// <summary>The longest retention of any recovery point or copy of the tier.</summary>
    public long RetentionDays { get; init; }

    /// <summary>Rules in words, e.g. "Hourly cron(0 * ? * * *) kept 14d".</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Copies in words, e.g. "Daily -> DR region eu-west-1".</summary>
    public IReadOnlyList<string> Copies { get; init; } = [];
}
