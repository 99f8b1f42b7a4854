namespace EcommerceBackupCdk.RestoreDrill.Configuration;

/// <summary>Recovery targets of one tier as the validator judges them.</summary>
public sealed record TierTarget
{
    /// <summary>Recovery point objective: data-loss window, judged on the newest record vs the recovery point time.</summary>
    public required long RpoSeconds { get; init; }

    /// <summary>Recovery time objective: judged on restore job completion - creation.</summary>
    public required long RtoSeconds { get; init; }

    /// <summary>Largest accepted recovery point time - newest record time. Default: the RPO.</summary>
    public long? MaxDataFreshnessSeconds { get; init; }

    /// <summary>Largest accepted restore job creation - recovery point creation. Default none (measured only).</summary>
    public long? MaxRecoveryPointAgeSeconds { get; init; }

    public long EffectiveFreshnessSeconds => MaxDataFreshnessSeconds ?? RpoSeconds;
}
