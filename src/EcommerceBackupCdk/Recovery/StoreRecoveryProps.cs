using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.AWS.SNS;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Recovery;

/// <summary>Props of <see cref="StoreRecovery"/>.</summary>
public sealed record StoreRecoveryProps
{
    /// <summary>The store name (state machine <c>&lt;store&gt;-store-recovery</c>).</summary>
    public required string StoreName { get; init; }

    /// <summary>The targets; the tier's RPO bounds the cross-layer check and its RTO the alarm. Default: <see cref="BackupTargets.Defaults"/>.</summary>
    public BackupTargets Targets { get; init; } = BackupTargets.Defaults;

    /// <summary>Where recovery reports go (under <c>recovery/</c>): the drill report bucket.</summary>
    public required IBucket ReportBucket { get; init; }

    /// <summary>The key of <see cref="ReportBucket"/>; also encrypts the recovery function's logs.</summary>
    public required IKey Key { get; init; }

    /// <summary>
    /// The drill validator's environment (<see cref="RestoreDrill.ValidatorEnvironment"/>): tier targets, per-resource
    /// probes and secrets, so restored resources are judged by exactly the drill's checks.
    /// </summary>
    public required IReadOnlyDictionary<string, string> ValidatorEnvironment { get; init; }

    /// <summary>Secrets the SQL probes read (the drill's). Default: none.</summary>
    public IReadOnlyList<ISecret> DatabaseSecrets { get; init; } = [];

    /// <summary>VPC the function runs in to reach restored databases (the drill's network). Default: none (AWS APIs only).</summary>
    public ValidatorNetwork? Network { get; init; }

    /// <summary>The Lambda package (the drill validator's). Default: <see cref="DrillCode.Default"/>.</summary>
    public Code? Code { get; init; }

    /// <summary>Options. Default: <see cref="RecoveryDefaults"/>.</summary>
    public RecoveryOptions Options { get; init; } = new();

    /// <summary>The monitoring the RTO alarm is created through (routed and listed with every other alarm). Default: none — then <see cref="AlarmTopic"/>.</summary>
    public BackupMonitoring? Monitoring { get; init; }

    /// <summary>Topic the RTO alarm notifies when <see cref="Monitoring"/> is not given. Default: none.</summary>
    public ITopic? AlarmTopic { get; init; }
}
