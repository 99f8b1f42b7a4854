using Amazon.CDK.AWS.IAM;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Recovery;

/// <summary>Store recovery (DESIGN §10): when the drill runs, how long restores may take. Defaults: <see cref="RecoveryDefaults"/>.</summary>
public sealed record RecoveryOptions
{
    /// <summary>Whether the facade creates store recovery. Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The tier recovered by default and by the scheduled drill. Default: <c>critical</c>.</summary>
    public TierName Tier { get; init; } = RecoveryDefaults.Tier;

    /// <summary>When the drill-mode recovery runs (EventBridge Scheduler cron). Null: no schedule. Default: <see cref="RecoveryDefaults.Schedule"/>.</summary>
    public string? Schedule { get; init; } = RecoveryDefaults.Schedule;

    /// <summary>IANA time zone of <see cref="Schedule"/>. Default: <c>Etc/UTC</c>.</summary>
    public string TimeZone { get; init; } = RecoveryDefaults.TimeZone;

    /// <summary>Wait between two status polls; 1 s to 1 h. Default: 30 s.</summary>
    public TimeSpan PollInterval { get; init; } = RecoveryDefaults.PollInterval;

    /// <summary>How long one resource may take to become usable before its branch fails; longer than the poll interval, at most 7 days. Default: 3 h.</summary>
    public TimeSpan RestoreTimeout { get; init; } = RecoveryDefaults.RestoreTimeout;

    /// <summary>Instance class added to restored Aurora clusters. Default: <c>db.t4g.medium</c>.</summary>
    public string AuroraInstanceClass { get; init; } = RecoveryDefaults.AuroraInstanceClass;

    /// <summary>Role AWS Backup assumes to restore S3 buckets. Default: none — tagged S3 buckets make the plan refuse, naming them.</summary>
    public IRole? S3RestoreRole { get; init; }
}
