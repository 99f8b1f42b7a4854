namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>The two AWS Backup operations the validator uses. <c>AWSSDK.Backup</c> can replace <see cref="BackupApiClient"/> behind this.</summary>
public interface IBackupApi
{
    /// <summary>GET /restore-jobs/{restoreJobId}.</summary>
    Task<RestoreJobDescription> DescribeRestoreJobAsync(string restoreJobId, CancellationToken cancellationToken);

    /// <summary>PUT /restore-jobs/{restoreJobId}/validations with ValidationStatus and ValidationStatusMessage.</summary>
    Task PutRestoreValidationResultAsync(string restoreJobId, string validationStatus, string validationStatusMessage, CancellationToken cancellationToken);
}
