namespace EcommerceBackupCdk.Compliance;

/// <summary>Props of <see cref="AuditTrail"/>.</summary>
public sealed record AuditTrailProps
{
    /// <summary>Store name; the trail is called <c>&lt;store&gt;-backup-audit</c>.</summary>
    public required string StoreName { get; init; }

    /// <summary>The evidence bucket the trail writes into (under <see cref="EvidenceLayout.TrailPrefix"/>), encrypted with its key.</summary>
    public required EvidenceBucket Evidence { get; init; }
}
