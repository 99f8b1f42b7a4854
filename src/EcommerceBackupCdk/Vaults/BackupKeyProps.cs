namespace EcommerceBackupCdk.Vaults;

/// <summary>Props of <see cref="BackupKey"/>.</summary>
public sealed record BackupKeyProps
{
    /// <summary>Alias without the <c>alias/</c> prefix, e.g. <c>acme-backup-primary</c>.</summary>
    public required string Alias { get; init; }

    /// <summary>Key description shown in the KMS console.</summary>
    public required string Description { get; init; }

    /// <summary>
    /// Other accounts allowed to use the key for AWS Backup copies (decrypt and create grants through AWS Backup only).
    /// Default: none.
    /// </summary>
    public IReadOnlyList<string> CopyAccounts { get; init; } = [];

    /// <summary>Service principals allowed to use the key for encrypting messages (e.g. SNS publishers). Default: none.</summary>
    public IReadOnlyList<string> PublishingServices { get; init; } = [];

    /// <summary>
    /// ARN of the SNS topic the key encrypts. Required when <see cref="PublishingServices"/> is not empty: every
    /// publisher statement is scoped to this topic by the encryption context SNS uses
    /// (<c>kms:EncryptionContext:aws:sns:topicArn</c>). Default: none.
    /// </summary>
    public string? TopicArn { get; init; }
}
