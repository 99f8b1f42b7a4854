using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Compliance;

/// <summary>Props of <see cref="BackupAuditFramework"/>.</summary>
public sealed record BackupAuditFrameworkProps
{
    /// <summary>Store name used in every name.</summary>
    public required string StoreName { get; init; }

    /// <summary>The targets the control parameters are derived from. Default: <see cref="BackupTargets.Defaults"/>.</summary>
    public BackupTargets Targets { get; init; } = BackupTargets.Defaults;

    /// <summary>The vault lock options (the vault-lock control's limits derive from them). Default: governance, derived limits.</summary>
    public VaultLockOptions VaultLock { get; init; } = new();

    /// <summary>The DR region copies go to; the cross-region control is added for tiers that copy there. Default: none.</summary>
    public string? DrRegion { get; init; }

    /// <summary>The DR account copies go to; the cross-account control is added for tiers that copy there. Default: none.</summary>
    public string? DrAccount { get; init; }

    /// <summary>Name of the primary vault, which the manual-deletion control evaluates. Default: <c>&lt;store&gt;-primary</c>.</summary>
    public string? PrimaryVaultName { get; init; }

    /// <summary>The drill report bucket the evidence index reads drill reports from. Default: the evidence bucket.</summary>
    public Amazon.CDK.AWS.S3.IBucket? DrillReportBucket { get; init; }

    /// <summary>The key of <see cref="DrillReportBucket"/>. Default: none.</summary>
    public Amazon.CDK.AWS.KMS.IKey? DrillReportKey { get; init; }

    /// <summary>Evidence retention, break-glass principals, Config recorder, evidence index. Default: <see cref="AuditOptions"/> defaults.</summary>
    public AuditOptions Options { get; init; } = new();

    /// <summary>
    /// Network of the evidence index function. Default: none (outside any VPC); the facade passes the drill
    /// validator's network when <see cref="ControlTowerOptions.Strict"/> is on (CT.LAMBDA.PR.3).
    /// </summary>
    public Drills.ValidatorNetwork? EvidenceIndexNetwork { get; init; }
}
