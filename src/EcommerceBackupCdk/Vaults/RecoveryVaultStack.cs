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
    }

    /// <summary>The recovery vault.</summary>
    public RecoveryVault Vault { get; }

    /// <summary>The alert topic of this stack.</summary>
    public BackupTopic Topic { get; }
}
