namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>The AWS Backup operations store recovery uses for S3 (restored from its continuous recovery point).</summary>
public interface IRecoveryBackupApi
{
    /// <summary>GET /resources/{resourceArn}/recovery-points/: the recovery points of one resource.</summary>
    Task<IReadOnlyList<RecoveryPointSummary>> ListRecoveryPointsByResourceAsync(string resourceArn, CancellationToken cancellationToken);

    /// <summary>PUT /restore-jobs: starts a restore job and returns its id.</summary>
    Task<string> StartRestoreJobAsync(string recoveryPointArn, string iamRoleArn, string resourceType, IReadOnlyDictionary<string, string> metadata, string idempotencyToken, CancellationToken cancellationToken);

    /// <summary>
    /// GET /scan/jobs?ByResourceArn=...&amp;ByState=COMPLETED, every page: the completed malware scans of one resource's
    /// recovery points (ListScanJobs "Returns a list of existing scan jobs for an authenticated account for the last 30 days").
    /// </summary>
    Task<IReadOnlyList<ScanJobSummary>> ListCompletedScanJobsAsync(string resourceArn, CancellationToken cancellationToken);
}
