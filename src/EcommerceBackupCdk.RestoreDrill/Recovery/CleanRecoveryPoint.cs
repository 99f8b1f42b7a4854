namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>
/// The last clean recovery point of one restored resource whose type GuardDuty Malware Protection for AWS Backup scans
/// (ListScanJobs ByResourceType: "Valid Values: EBS | EC2 | S3",
/// https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ListScanJobs.html; of the types store recovery restores,
/// only S3). Scanning is optional: a resource without a completed scan is <see cref="NotScanned"/>, not an error.
/// </summary>
public sealed record CleanRecoveryPoint
{
    /// <summary>The newest completed scan found no threats, and no newer completed scan found any (or the point in time is not after the clean point).</summary>
    public const string Clean = "CLEAN";

    /// <summary>A completed scan found threats at or after the last clean point and the point in time is after the clean point.</summary>
    public const string ThreatsAfterClean = "THREATS_AFTER_CLEAN_POINT";

    /// <summary>Completed scans exist but none found the recovery point clean.</summary>
    public const string NoCleanPoint = "NO_CLEAN_POINT";

    public const string NotScanned = "NOT_SCANNED";

    /// <summary>ListScanJobs failed; <see cref="Detail"/> carries AWS's error.</summary>
    public const string LookupFailed = "LOOKUP_FAILED";

    public required string SourceArn { get; init; }

    public required string Status { get; init; }

    /// <summary>Recovery point of the newest completed scan with NO_THREATS_FOUND.</summary>
    public string? RecoveryPointArn { get; init; }

    /// <summary>When that scan completed.</summary>
    public DateTimeOffset? ScannedAt { get; init; }

    /// <summary>Recovery point of the newest completed THREATS_FOUND scan at or after the clean one (flagged cases).</summary>
    public string? ThreatsRecoveryPointArn { get; init; }

    public required string Detail { get; init; }
}
