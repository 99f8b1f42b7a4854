using Amazon.CDK.AWS.Lambda;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Compliance;

/// <summary>Props of <see cref="EvidenceIndexFunction"/>.</summary>
public sealed record EvidenceIndexFunctionProps
{
    /// <summary>Store name.</summary>
    public required string StoreName { get; init; }

    /// <summary>The evidence bucket it reads from and writes the index into.</summary>
    public required EvidenceBucket Evidence { get; init; }

    /// <summary>
    /// The published <c>EcommerceBackupCdk.RestoreDrill</c> project (the same asset as the drill validator); the
    /// handler is <see cref="EvidenceIndexFunction.Handler"/>.
    /// </summary>
    public required Code Code { get; init; }

    /// <summary>The targets shown per tier.</summary>
    public required BackupTargets Targets { get; init; }

    /// <summary>The DR region copies go to, or null.</summary>
    public string? DrRegion { get; init; }

    /// <summary>The DR account copies go to, or null.</summary>
    public string? DrAccount { get; init; }

    /// <summary>Names of the Audit Manager frameworks whose compliance is summarised.</summary>
    public IReadOnlyList<string> FrameworkNames { get; init; } = [];

    /// <summary>
    /// The bucket the drill validator writes its reports into (under <c>drills/</c>), and its key. Default: the
    /// evidence bucket itself.
    /// </summary>
    public Amazon.CDK.AWS.S3.IBucket? DrillReports { get; init; }

    /// <summary>The key of <see cref="DrillReports"/>, when it is KMS-encrypted. Default: none.</summary>
    public Amazon.CDK.AWS.KMS.IKey? DrillReportsKey { get; init; }

    /// <summary>When it runs. Default: <see cref="AuditDefaults.EvidenceIndexSchedule"/>.</summary>
    public string Schedule { get; init; } = AuditDefaults.EvidenceIndexSchedule;

    /// <summary>
    /// VPC, subnets and security groups of the function. Default: none — it only talks to S3 over TLS; set it where
    /// every function must run in a VPC (Control Tower CT.LAMBDA.PR.3). The subnets must reach S3 (NAT or endpoint).
    /// </summary>
    public Drills.ValidatorNetwork? Network { get; init; }
}
