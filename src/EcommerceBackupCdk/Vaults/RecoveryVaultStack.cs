using Amazon.CDK;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Validation;
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
            Settings = EcommerceBackup.VaultSettings(props.Backup, props.Role, topic.Topic),
        });

        // S3 copies kept beyond the tiering age here move to the low-cost warm tier (one configuration per vault).
        var written = PropsValidator.RetentionsWrittenInto(props.Backup.Targets, props.Role);
        if (props.Backup.S3BackupTiering is { } tiering && written.Count > 0 && written.Max(w => w.Retention) > tiering)
        {
            S3Tiering = new Plans.S3BackupTiering(this, "S3Tiering", new Plans.S3BackupTieringProps
            {
                VaultName = VaultNames.For(props.Backup.StoreName, props.Role),
                After = tiering,
                LongestRetention = written.Max(w => w.Retention),
            });
            S3Tiering.Node.AddDependency(Vault);
        }

        // Copy jobs run, and report, in the source account and region: copies into this vault are watched by the
        // primary stack. Here: copy-backs out of this vault into the primary vault, and restores (the DR scenario).
        Monitoring = new BackupMonitoring(this, "Monitoring", new BackupMonitoringProps
        {
            StoreName = props.Backup.StoreName,
            Vault = Vault.Vault,
            AlertTopic = topic.Topic,
            Label = props.Role == VaultRole.DrAccount ? "dr-account" : "dr-region",
            CopyDestinationVaultNames = [VaultNames.For(props.Backup.StoreName, VaultRole.Primary)],
            Options = props.Backup.Monitoring with { Dashboard = false },
        });
    }

    /// <summary>The monitoring of the recovery vault: failed and slow copy-backs, failed restores.</summary>
    public BackupMonitoring Monitoring { get; }

    /// <summary>The S3 backup tiering of the recovery vault, or null when off or when nothing is kept beyond its age.</summary>
    public Plans.S3BackupTiering? S3Tiering { get; }

    /// <summary>The recovery vault.</summary>
    public RecoveryVault Vault { get; }

    /// <summary>The alert topic of this stack.</summary>
    public BackupTopic Topic { get; }
}
