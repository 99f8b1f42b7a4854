namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// The part of the <c>recovery</c> config that names an existing resource by ARN; the primary stack turns it into a
/// typed reference (a construct scope is needed for that).
/// </summary>
internal sealed record RecoveryConfig
{
    /// <summary><c>recovery.s3RestoreRoleArn</c>: the role AWS Backup assumes to restore S3 buckets.</summary>
    public string? S3RestoreRoleArn { get; init; }
}
