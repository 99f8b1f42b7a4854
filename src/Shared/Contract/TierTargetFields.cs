namespace EcommerceBackupCdk.Contract;

/// <summary>
/// Fields of one tier in <see cref="DrillVariables.TierTargets"/>, e.g.
/// <c>{"critical":{"rpoSeconds":300,"rtoSeconds":1800,"maxDataFreshnessSeconds":3600}}</c>: whole seconds, positive.
/// </summary>
internal static class TierTargetFields
{
    /// <summary>The tier's RPO.</summary>
    public const string RpoSeconds = "rpoSeconds";

    /// <summary>The tier's RTO.</summary>
    public const string RtoSeconds = "rtoSeconds";

    /// <summary>Optional. The longest a restored copy's newest record may be older than its recovery point. Default: the RPO.</summary>
    public const string MaxDataFreshnessSeconds = "maxDataFreshnessSeconds";

    /// <summary>Optional. The oldest a restored recovery point may be. Default: none (measured, not judged).</summary>
    public const string MaxRecoveryPointAgeSeconds = "maxRecoveryPointAgeSeconds";
}
