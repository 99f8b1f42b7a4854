namespace EcommerceBackupCdk.Tiers;

/// <summary>A copy of each recovery point a rule creates, kept in a recovery vault.</summary>
public sealed record CopyTarget
{
    /// <summary>The vault the copy goes to.</summary>
    public required CopyDestination Destination { get; init; }

    /// <summary>How long the copy is kept. Whole days, at least 1 day.</summary>
    public required TimeSpan Retention { get; init; }

    /// <summary>
    /// When the copy moves to cold storage. Default: never. When set, <see cref="Retention"/> must be at least
    /// this plus 90 days (AWS Backup's cold-storage minimum).
    /// </summary>
    public TimeSpan? MoveToColdStorageAfter { get; init; }
}
