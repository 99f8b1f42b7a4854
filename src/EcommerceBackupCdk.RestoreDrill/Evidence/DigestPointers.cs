namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>
/// CloudTrail digest files of the period: hourly, signed by CloudTrail, each chaining to the previous one, so an
/// auditor can prove with <c>aws cloudtrail validate-logs</c> that no log file was changed or removed.
/// </summary>
public sealed record DigestPointers
{
    public int Count { get; init; }

    public IReadOnlyList<string> Regions { get; init; } = [];

    public string? First { get; init; }

    public string? Last { get; init; }
}
