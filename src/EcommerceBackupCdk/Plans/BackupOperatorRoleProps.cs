namespace EcommerceBackupCdk.Plans;

/// <summary>Props of <see cref="BackupOperatorRole"/>.</summary>
public sealed record BackupOperatorRoleProps
{
    /// <summary>The store name; the role is named <c>&lt;store&gt;-backup-operator</c> so runbooks can name it.</summary>
    public required string StoreName { get; init; }
}
