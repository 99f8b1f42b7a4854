using Amazon.CDK.AWS.SNS;

namespace EcommerceBackupCdk.Vaults;

/// <summary>What every vault of the deployment shares: store, lock, notifications.</summary>
public sealed record BackupVaultSettings
{
    /// <summary>The store name; vault and key names derive from it.</summary>
    public required string StoreName { get; init; }

    /// <summary>Vault Lock. Default: governance mode with limits derived from <see cref="WrittenRetentions"/>.</summary>
    public VaultLockOptions Lock { get; init; } = new();

    /// <summary>
    /// The retention of every rule or copy that writes into the vault. The lock's limits default to their range,
    /// and explicit limits are checked against each. Must not be empty.
    /// </summary>
    public required IReadOnlyList<TimeSpan> WrittenRetentions { get; init; }

    /// <summary>Topic for vault notifications. Default: none.</summary>
    public ITopic? NotificationTopic { get; init; }

    /// <summary>Vault events sent to the topic. Default: <see cref="Monitoring.VaultEvents.Default"/>.</summary>
    public IReadOnlyList<string> NotificationEvents { get; init; } = Monitoring.VaultEvents.Default;

    /// <summary>
    /// IAM principal ARNs exempted from the vault's deny of manual deletion and of access-policy changes (break-glass
    /// roles). The CloudFormation execution role of the stack's <see cref="Amazon.CDK.DefaultStackSynthesizer"/> is
    /// always exempted, so later stack updates can still set the policy. Default: none.
    /// </summary>
    public IReadOnlyList<string> ExemptPrincipals { get; init; } = [];
}
