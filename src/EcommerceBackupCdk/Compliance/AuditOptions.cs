namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// Audit evidence: an AWS Backup Audit Manager framework derived from the tier targets, daily report plans, a locked
/// evidence bucket, a CloudTrail trail and the monthly evidence index. Set <see cref="EcommerceBackupProps.Audit"/>
/// to turn it on; every property has a default.
/// </summary>
public sealed record AuditOptions
{
    /// <summary>
    /// How long every evidence object is locked in Object Lock compliance mode: nobody, including the root user, can
    /// delete or overwrite it before then. Whole days, 1 day to 100 years. Default: <see cref="AuditDefaults.EvidenceRetention"/> (7 years).
    /// </summary>
    public TimeSpan EvidenceRetention { get; init; } = AuditDefaults.EvidenceRetention;

    /// <summary>How long server access logs of the evidence bucket are kept. Whole days, at least 1. Default: <see cref="AuditDefaults.AccessLogRetention"/>.</summary>
    public TimeSpan AccessLogRetention { get; init; } = AuditDefaults.AccessLogRetention;

    /// <summary>
    /// IAM role ARNs allowed to delete recovery points in an emergency (break glass). They are exempted from the
    /// "manual deletion disabled" control and from the vaults' deny of manual deletion and access-policy changes
    /// (as is the CloudFormation execution role, so stack updates still work). At most 5 (AWS limit). Default: none.
    /// </summary>
    public IReadOnlyList<string> BreakGlassPrincipals { get; init; } = [];

    /// <summary>
    /// Creates an AWS Config configuration recorder and delivery channel (into the evidence bucket) recording what the
    /// Audit Manager controls evaluate. AWS Config recording is a prerequisite of every control: leave this false
    /// when the account already records (AWS allows one recorder per region) and check it with the runbook.
    /// Default: false.
    /// </summary>
    public bool CreateConfigRecorder { get; init; }

    /// <summary>
    /// Creates the Backup Audit Manager service-linked role <c>AWSServiceRoleForBackupReports</c> in the stack; the
    /// evidence key and bucket policies name it as the principal that writes reports. Set false where the role already
    /// exists (then it is a prerequisite: <c>aws iam create-service-linked-role --aws-service-name reports.backup.amazonaws.com</c>).
    /// Default: true.
    /// </summary>
    public bool CreateReportsServiceLinkedRole { get; init; } = true;

    /// <summary>
    /// The restore-drill Lambda package, for the monthly evidence index (<see cref="EvidenceIndexFunction"/>). Default:
    /// in the facade, the drill validator's package (one asset for both) when drills are on; otherwise none — no
    /// evidence-index function; the frameworks, reports, bucket and trail are still created.
    /// </summary>
    public Amazon.CDK.AWS.Lambda.Code? EvidenceIndexCode { get; init; }
}
