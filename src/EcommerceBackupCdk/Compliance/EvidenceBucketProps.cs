namespace EcommerceBackupCdk.Compliance;

/// <summary>Props of <see cref="EvidenceBucket"/>.</summary>
public sealed record EvidenceBucketProps
{
    /// <summary>Store name, used in the key alias.</summary>
    public required string StoreName { get; init; }

    /// <summary>Object Lock (compliance mode) default retention. Default: <see cref="AuditDefaults.EvidenceRetention"/>.</summary>
    public TimeSpan Retention { get; init; } = AuditDefaults.EvidenceRetention;

    /// <summary>How long server access logs are kept. Default: <see cref="AuditDefaults.AccessLogRetention"/>.</summary>
    public TimeSpan AccessLogRetention { get; init; } = AuditDefaults.AccessLogRetention;

    /// <summary>
    /// Creates the Backup Audit Manager service-linked role (<c>AWSServiceRoleForBackupReports</c>) with
    /// <c>AWS::IAM::ServiceLinkedRole</c>, so the key and bucket policies can name it. Set false when the role already
    /// exists in the account (an account that used Backup Audit Manager before): CloudFormation cannot create it twice.
    /// Default: true.
    /// </summary>
    public bool CreateReportsServiceLinkedRole { get; init; } = true;
}
