namespace EcommerceBackupCdk.Compliance;

/// <summary>Every default of the audit feature, in one place. Each is overridable through <see cref="AuditOptions"/>.</summary>
public static class AuditDefaults
{
    /// <summary>
    /// How long evidence (reports, CloudTrail logs, drill reports, evidence indexes) is locked in the evidence
    /// bucket: 7 years (2555 days). Tax law commonly asks for 5 to 10 years (Turkish VUK: 5); 7 covers most.
    /// </summary>
    public static readonly TimeSpan EvidenceRetention = TimeSpan.FromDays(7 * Tiers.TierDefaults.DaysPerYear);

    /// <summary>How long the server access logs of the evidence bucket are kept: 400 days (a year plus a quarter's slack).</summary>
    public static readonly TimeSpan AccessLogRetention = TimeSpan.FromDays(400);

    /// <summary>How long the CloudTrail copy in CloudWatch Logs is kept for queries and alarms: 1 year. The S3 copy is the record.</summary>
    public static readonly Amazon.CDK.AWS.Logs.RetentionDays TrailLogGroupRetention = Amazon.CDK.AWS.Logs.RetentionDays.ONE_YEAR;

    /// <summary>When the evidence index runs: 06:00 UTC on the 1st of every month, indexing the month before.</summary>
    public const string EvidenceIndexSchedule = "cron(0 6 1 * ? *)";

    /// <summary>At most this many break-glass principals may be exempted from the manual-deletion control (AWS limit).</summary>
    public const int MaxBreakGlassPrincipals = 5;

    /// <summary>Longest Object Lock retention accepted: 36500 days (100 years).</summary>
    public static readonly TimeSpan MaxEvidenceRetention = TimeSpan.FromDays(36500);
}
