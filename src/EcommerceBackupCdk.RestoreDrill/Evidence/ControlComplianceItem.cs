namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>One row of a CONTROL_COMPLIANCE_REPORT: a control of a framework and its compliance at its last evaluation.</summary>
public sealed record ControlComplianceItem
{
    public required string FrameworkName { get; init; }

    public required string ControlName { get; init; }

    /// <summary>COMPLIANT | NON_COMPLIANT | INSUFFICIENT_DATA (as Audit Manager writes it).</summary>
    public required string Status { get; init; }

    public DateTimeOffset? LastEvaluationTime { get; init; }

    public int? ResourcesCompliant { get; init; }

    public int? ResourcesNonCompliant { get; init; }

    /// <summary>The control's parameters as the report shows them (a JSON string).</summary>
    public string? Parameters { get; init; }

    public string? AccountId { get; init; }

    public string? Region { get; init; }

    public required string ReportKey { get; init; }
}
