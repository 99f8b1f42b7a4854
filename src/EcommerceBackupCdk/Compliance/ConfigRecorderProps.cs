namespace EcommerceBackupCdk.Compliance;

/// <summary>Props of <see cref="ConfigRecorder"/>.</summary>
public sealed record ConfigRecorderProps
{
    /// <summary>Where AWS Config delivers snapshots (under <see cref="EvidenceLayout.ConfigPrefix"/>).</summary>
    public required EvidenceBucket Evidence { get; init; }
}
