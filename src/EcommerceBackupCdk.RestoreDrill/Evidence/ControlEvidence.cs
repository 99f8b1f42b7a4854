namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>The latest compliance of one control of one framework in the period.</summary>
public sealed record ControlEvidence
{
    public required string Framework { get; init; }

    /// <summary>The tier the framework belongs to, or null (the vault framework).</summary>
    public string? Tier { get; init; }

    public required string Control { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset? LastEvaluation { get; init; }

    public int? ResourcesCompliant { get; init; }

    public int? ResourcesNonCompliant { get; init; }

    public string? Parameters { get; init; }

    public required string ReportKey { get; init; }
}
