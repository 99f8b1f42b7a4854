namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// One entry of AWS Backup ListScanJobs (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ScanJob.html:
/// "RecoveryPointArn: An ARN that uniquely identifies the recovery point being scanned"; "CompletionDate";
/// "ScanResult": { "ScanResultStatus": NO_THREATS_FOUND | THREATS_FOUND }).
/// </summary>
public sealed record ScanJobSummary
{
    public required string RecoveryPointArn { get; init; }

    public string? ScanJobId { get; init; }

    /// <summary>CANCELED | COMPLETED | COMPLETED_WITH_ISSUES | CREATED | FAILED | RUNNING.</summary>
    public string? State { get; init; }

    public DateTimeOffset? CompletionDate { get; init; }

    /// <summary>NO_THREATS_FOUND or THREATS_FOUND; null while the scan has no result.</summary>
    public string? ScanResultStatus { get; init; }
}
