using Amazon.CDK;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Topology;
using Constructs;

namespace EcommerceBackupCdk.Vaults;

/// <summary>
/// A stack holding one recovery vault (DR region or DR account) and its own encrypted alert topic. Deploy it in the
/// DR region or DR account before the primary stack's first copy runs.
/// </summary>
public sealed class RecoveryVaultStack : Stack
{
    /// <summary>Creates the stack.</summary>
    public RecoveryVaultStack(Construct scope, string id, RecoveryVaultStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        PropsValidator.ThrowIfInvalid(props.Backup);
        // The primary account copies in; the vault's settings and what it receives are the topology's.
        var topology = BackupTopology.Of(props.Backup, props.SourceAccount, null, null);
        var placement = topology.Vault(props.Role);
        var topic = new BackupTopic(this, "Alerts", new BackupTopicProps
        {
            StoreName = props.Backup.StoreName,
            Purpose = props.Role == VaultRole.DrAccount ? "dr-account-alerts" : "dr-region-alerts",
            Emails = props.Backup.Notifications.Emails,
        });
        Topic = topic;
        Vault = new RecoveryVault(this, "Vault", new RecoveryVaultProps
        {
            Role = props.Role,
            SourceAccount = props.SourceAccount,
            OrganizationId = props.Backup.DisasterRecovery?.OrganizationId,
            Settings = topology.VaultSettings(props.Role, topic.Topic),
        });

        // S3 copies kept beyond the tiering age here move to the low-cost warm tier (one configuration per vault).
        if (props.Backup.S3BackupTiering is { } tiering && placement.LongestRetention is { } longest && longest > tiering)
        {
            S3Tiering = new Plans.S3BackupTiering(this, "S3Tiering", new Plans.S3BackupTieringProps
            {
                VaultName = placement.Name,
                After = tiering,
                LongestRetention = longest,
            });
            S3Tiering.Node.AddDependency(Vault);
        }

        if (props.Role == VaultRole.DrAccount && props.Backup.AirGappedVault is { } airGapped)
        {
            var airGappedWritten = topology.Vault(VaultRole.AirGapped).Written.Select(w => w.Retention).ToList();
            AirGapped = airGappedWritten.Count == 0 ? null : new AirGappedVault(this, "AirGappedVault", new AirGappedVaultProps
            {
                StoreName = props.Backup.StoreName,
                SourceAccount = props.SourceAccount,
                OrganizationId = props.Backup.DisasterRecovery?.OrganizationId,
                WrittenRetentions = airGappedWritten,
                Options = airGapped,
            });
        }

        // Copy jobs run, and report, in the source account and region: copies into this vault are watched by the
        // primary stack. Here: copy-backs out of this vault into the primary vault, and restores (the DR scenario).
        Monitoring = new BackupMonitoring(this, "Monitoring", new BackupMonitoringProps
        {
            StoreName = props.Backup.StoreName,
            Vault = Vault.Vault,
            AlertTopic = topic.Topic,
            Label = props.Role == VaultRole.DrAccount ? "dr-account" : "dr-region",
            CopyDestinationVaultNames = [topology.Vault(VaultRole.Primary).Name],
            Options = props.Backup.Monitoring with { Dashboard = false },
        });
    }

    /// <summary>The monitoring of the recovery vault: failed and slow copy-backs, failed restores.</summary>
    public BackupMonitoring Monitoring { get; }

    /// <summary>The logically air-gapped vault (DR-account stack with <see cref="EcommerceBackupProps.AirGappedVault"/> set), or null.</summary>
    public AirGappedVault? AirGapped { get; }

    /// <summary>The S3 backup tiering of the recovery vault, or null when off or when nothing is kept beyond its age.</summary>
    public Plans.S3BackupTiering? S3Tiering { get; }

    /// <summary>The recovery vault.</summary>
    public RecoveryVault Vault { get; }

    /// <summary>The alert topic of this stack.</summary>
    public BackupTopic Topic { get; }
}
