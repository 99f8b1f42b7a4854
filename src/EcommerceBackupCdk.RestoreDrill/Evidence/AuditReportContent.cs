namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>What one Audit Manager report file held, by kind of row.</summary>
public sealed record AuditReportContent
{
    public IReadOnlyList<ControlComplianceItem> Controls { get; init; } = [];

    public IReadOnlyList<ResourceComplianceItem> Resources { get; init; } = [];

    public IReadOnlyList<BackupJobItem> Jobs { get; init; } = [];
}
