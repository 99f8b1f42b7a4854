using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.SNS;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>Props of <see cref="BackupMonitoring"/>.</summary>
public sealed record BackupMonitoringProps
{
    /// <summary>The store; every name starts with it.</summary>
    public required string StoreName { get; init; }

    /// <summary>The vault whose jobs are watched (metric dimension <c>BackupVaultName</c>, event field <c>backupVaultName</c>).</summary>
    public required IBackupVault Vault { get; init; }

    /// <summary>The topic critical alarms and events page.</summary>
    public required ITopic AlertTopic { get; init; }

    /// <summary>The topic warnings go to. Default: none — warnings go to <see cref="AlertTopic"/>.</summary>
    public ITopic? WarningTopic { get; init; }

    /// <summary>
    /// The tiers whose plans write into <see cref="Vault"/>. Default: none — the vault receives no scheduled backups
    /// (a recovery vault), so only copy and restore jobs are watched: no backup-job, missing-backups or slow-jobs alarms.
    /// </summary>
    public BackupTargets? Targets { get; init; }

    /// <summary>
    /// Names of the vaults that copy jobs run from this account and region write into. AWS Backup reports copy jobs
    /// under the destination vault's name, in the account and region where the copy job runs (the source). Default: none.
    /// </summary>
    public IReadOnlyList<string> CopyDestinationVaultNames { get; init; } = [];

    /// <summary>
    /// Label put in front of every name's <c>what</c>, to tell monitorings of several vaults apart, e.g.
    /// <c>dr-region</c>. Default: none.
    /// </summary>
    public string? Label { get; init; }

    /// <summary>Thresholds, severities and switches. Default: <see cref="MonitoringDefaults"/>.</summary>
    public MonitoringOptions Options { get; init; } = new();
}
