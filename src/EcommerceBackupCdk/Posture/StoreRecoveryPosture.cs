using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Posture;

/// <summary>Store recovery in the posture report: the full-stack RTO target and where the last measured value is.</summary>
public sealed record StoreRecoveryPosture
{
    /// <summary>The state machine name.</summary>
    public required string StateMachine { get; init; }

    /// <summary>The tier it recovers by default.</summary>
    public required TierName Tier { get; init; }

    /// <summary>The full-stack RTO target (the tier's RTO).</summary>
    public required TimeSpan RtoTarget { get; init; }

    /// <summary>
    /// Where the last measured full-stack RTO is: synth cannot read the account, so the report names the object every
    /// run writes (and the monthly evidence index shows its value beside the target).
    /// </summary>
    public required string LastMeasured { get; init; }
}
