namespace EcommerceBackupCdk.Compliance;

/// <summary>Props of <see cref="AuditReportPlans"/>.</summary>
public sealed record AuditReportPlansProps
{
    /// <summary>Store name; plans are called <c>&lt;store&gt;_backup_&lt;report&gt;</c> (Audit Manager names allow letters, digits and '_').</summary>
    public required string StoreName { get; init; }

    /// <summary>Where reports go (under <see cref="EvidenceLayout.ReportsPrefix"/>).</summary>
    public required EvidenceBucket Evidence { get; init; }

    /// <summary>The frameworks the compliance reports cover.</summary>
    public required IReadOnlyList<string> FrameworkArns { get; init; }
}
