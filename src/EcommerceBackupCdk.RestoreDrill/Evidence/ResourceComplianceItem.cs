namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>One row of a RESOURCE_COMPLIANCE_REPORT: a resource's compliance with one control.</summary>
public sealed record ResourceComplianceItem
{
    public required string FrameworkName { get; init; }

    public required string ControlName { get; init; }

    public required string ResourceId { get; init; }

    public string? ResourceType { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset? LastEvaluationTime { get; init; }

    public required string ReportKey { get; init; }
}
