using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk;

/// <summary>Props of <see cref="EcommerceBackup"/>.</summary>
public sealed record EcommerceBackupProps
{
    /// <summary>
    /// Short store name used in every resource name: lower-case letters, digits and '-', starting with a letter,
    /// 2–20 characters (vault, plan and bucket names derive from it).
    /// </summary>
    public required string StoreName { get; init; }

    /// <summary>Targets and rules per tier. Default: <see cref="BackupTargets.Defaults"/> (DESIGN §3).</summary>
    public BackupTargets Targets { get; init; } = BackupTargets.Defaults;

    /// <summary>Where copies go. Default: none — then no rule may have a copy.</summary>
    public DisasterRecoveryOptions? DisasterRecovery { get; init; }

    /// <summary>Vault Lock. Default: governance mode with limits derived from the rules.</summary>
    public VaultLockOptions VaultLock { get; init; } = new();

    /// <summary>Notifications. Default: topic without subscriptions, default vault events.</summary>
    public NotificationOptions Notifications { get; init; } = new();

    /// <summary>
    /// Alarms, job-event rules and dashboard (<see cref="BackupMonitoring"/>). Default: <see cref="MonitoringDefaults"/> —
    /// every alarm, warnings on the alert topic, a dashboard.
    /// </summary>
    public MonitoringOptions Monitoring { get; init; } = new();

    /// <summary>IANA time zone the cron schedules are read in, e.g. <c>Europe/Istanbul</c>. Default: <c>Etc/UTC</c>.</summary>
    public string ScheduleTimeZone { get; init; } = "Etc/UTC";

    /// <summary>
    /// Audit evidence: Audit Manager frameworks derived from the targets, daily report plans, an Object Lock evidence
    /// bucket, a CloudTrail trail and the monthly evidence index (<see cref="BackupAuditFramework"/>). Default: null —
    /// off, because the evidence bucket locks every object for years and the trail is billed per event.
    /// </summary>
    public AuditOptions? Audit { get; init; }

    /// <summary>
    /// Restore drills (DESIGN §6). Default: enabled, Fridays 18:00 UTC, the <c>critical</c> tier, every supported
    /// resource type, the validator built from this repository — see <see cref="DrillDefaults"/>.
    /// </summary>
    public DrillOptions Drills { get; init; } = new();

    /// <summary>
    /// Store recovery (DESIGN §10): the <c>&lt;store&gt;-store-recovery</c> state machine and its quarterly drill. It reuses
    /// the drills' report bucket and validator checks, so it exists only when <see cref="Drills"/> is enabled.
    /// Default: enabled, see <see cref="RecoveryDefaults"/>.
    /// </summary>
    public RecoveryOptions Recovery { get; init; } = new();

    /// <summary>
    /// Age after which S3 backup data in the vaults moves to AWS Backup's low-cost warm tier
    /// (<see cref="Plans.S3BackupTiering"/>): whole days, 60 to 36500. A vault gets tiering only when it keeps
    /// recovery points longer. Default: 60 days, the minimum. Null turns tiering off.
    /// </summary>
    public TimeSpan? S3BackupTiering { get; init; } = Plans.S3BackupTiering.DefaultAfter;

    /// <summary>
    /// Data-layer guard-rails and the coverage check (<see cref="DataProtectionAspect"/>), applied by the facade to
    /// its whole app (or only its stack, see <see cref="ProtectionOptions.WholeApp"/>). Default: enforce mode with
    /// <see cref="ProtectionDefaults"/>. Null turns both off.
    /// </summary>
    public ProtectionOptions? Protection { get; init; } = new();

    /// <summary>
    /// The logically air-gapped vault in the DR account (<see cref="AirGappedVault"/>), which receives the copies whose
    /// destination is <see cref="CopyDestination.AirGapped"/> (see <see cref="BackupTargets.WithAirGappedCopies"/>).
    /// Default: null — off, because air-gapped storage is billed on top and needs the DR account.
    /// </summary>
    public AirGappedVaultOptions? AirGappedVault { get; init; }

    /// <summary>GuardDuty malware scanning of recovery points, with a critical alert per finding. Default: null — off (billed per GB scanned).</summary>
    public MalwareScanOptions? MalwareScanning { get; init; }

    /// <summary>Backup indexes on S3 recovery points for item-level search and restore. Default: null — off (indexes are billed).</summary>
    public ItemSearchOptions? ItemSearch { get; init; }

    /// <summary>
    /// A critical alert naming who did what for every CloudTrail management event that weakens the backups
    /// (<see cref="TamperAlerts"/>). Default: null — off. Needs a CloudTrail trail with logging on in the account.
    /// </summary>
    public TamperAlertOptions? TamperAlerts { get; init; }

    /// <summary>
    /// AWS Control Tower proactive controls (<see cref="ControlTowerOptions"/>). Default: the controls that improve the
    /// product are met, the optional ones suppressed with reasons; <see cref="ControlTowerOptions.Strict"/> meets those too.
    /// </summary>
    public ControlTowerOptions ControlTower { get; init; } = new();
}
