using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.SNS;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Drills;

/// <summary>Props of <see cref="RestoreDrill"/>.</summary>
public sealed record RestoreDrillProps
{
    /// <summary>The store name (resource names, the <c>Store</c> metric dimension).</summary>
    public required string StoreName { get; init; }

    /// <summary>The vault whose recovery points are restored (the primary vault).</summary>
    public required IBackupVault Vault { get; init; }

    /// <summary>The tiers' targets: the validator and the alarms judge drills by them. Default: <see cref="BackupTargets.Defaults"/>.</summary>
    public BackupTargets Targets { get; init; } = BackupTargets.Defaults;

    /// <summary>
    /// The monitoring the drill alarms join: each goes to the topic of its kind's severity (<c>drill-*</c> kinds of
    /// <see cref="AlarmKinds"/>, re-ranked by <see cref="MonitoringOptions.Severities"/>) and is listed in
    /// <see cref="BackupMonitoring.Alarms"/>. Default: none — then they go to <see cref="AlarmTopic"/>.
    /// </summary>
    public BackupMonitoring? Monitoring { get; init; }

    /// <summary>Where drill alarms go when <see cref="Monitoring"/> is not given. Default: nowhere (alarms without actions).</summary>
    public ITopic? AlarmTopic { get; init; }

    /// <summary>The drill options. Default: <see cref="DrillDefaults"/> throughout.</summary>
    public DrillOptions Options { get; init; } = new();
}
