using Amazon.CDK.AWS.Backup;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Plans;

/// <summary>Props of <see cref="TieredBackupPlan"/>.</summary>
public sealed record TieredBackupPlanProps
{
    /// <summary>The store name; plan names are <c>&lt;store&gt;-&lt;tier&gt;</c>.</summary>
    public required string StoreName { get; init; }

    /// <summary>Targets and rules per tier. Default: <see cref="BackupTargets.Defaults"/>.</summary>
    public BackupTargets Targets { get; init; } = BackupTargets.Defaults;

    /// <summary>The vault every rule writes into.</summary>
    public required IBackupVault Vault { get; init; }

    /// <summary>ARN of the DR-region vault (it lives in another region). Required when a rule copies to the DR region.</summary>
    public string? DrRegionVaultArn { get; init; }

    /// <summary>
    /// ARN of the DR-account vault (it lives in another account). Required when a rule copies to the DR account. It may
    /// be a logically air-gapped vault's ARN: every DR-account copy then lands there and nowhere else, so a layer that
    /// replaces the DR-account copy adds no second copy.
    /// </summary>
    public string? DrAccountVaultArn { get; init; }

    /// <summary>ARN of the logically air-gapped vault (it lives in the DR account). Required when a rule copies to <see cref="CopyDestination.AirGapped"/>.</summary>
    public string? AirGappedVaultArn { get; init; }

    /// <summary>GuardDuty malware scanning of the recovery points of some tiers. Default: off.</summary>
    public MalwareScanOptions? MalwareScan { get; init; }

    /// <summary>Backup indexes on the S3 recovery points of some tiers. Default: off.</summary>
    public ItemSearchOptions? ItemSearch { get; init; }

    /// <summary>IANA time zone of the schedules. Default: <c>Etc/UTC</c>.</summary>
    public string ScheduleTimeZone { get; init; } = "Etc/UTC";

    /// <summary>
    /// The guard-rails that turn on DynamoDB point-in-time recovery and RDS/Aurora automated backups on every resource
    /// of the app (<see cref="DataProtectionAspect"/>). When set, DynamoDB rules rely on that native recovery
    /// (<see cref="RuleDerivation"/>): hourly full copies of a table are not taken. Default: null — no native recovery
    /// is relied on, DynamoDB gets every rule of its tier. Tables enrolled by tag from outside the app must then have
    /// PITR on themselves.
    /// </summary>
    public ProtectionOptions? GuardRails { get; init; }

    /// <summary>
    /// Whether each tier's own plan carries the tier tag (<see cref="TagContract.TierKey"/>), so a control scoped by that
    /// tag (the audit framework's plan-frequency control, <see cref="Compliance.BackupAuditFramework"/>) finds it.
    /// <see cref="EcommerceBackup"/> sets it when <see cref="EcommerceBackupProps.Audit"/> is on. Default: false.
    /// </summary>
    public bool TagPlansWithTier { get; init; }

    /// <summary>Tiers that get a plan. Default: all three.</summary>
    public IReadOnlyList<TierName> Tiers { get; init; } = TierNames.All;
}
