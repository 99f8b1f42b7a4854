namespace EcommerceBackupCdk.Tiers;

/// <summary>The targets of all three tiers. Start from <see cref="Defaults"/> and override with <c>with</c>.</summary>
public sealed record BackupTargets
{
    /// <summary>The <c>critical</c> tier. Default: <see cref="TierDefaults.Critical"/>.</summary>
    public TierTargets Critical { get; init; } = TierDefaults.Critical;

    /// <summary>The <c>standard</c> tier. Default: <see cref="TierDefaults.Standard"/>.</summary>
    public TierTargets Standard { get; init; } = TierDefaults.Standard;

    /// <summary>The <c>archive</c> tier. Default: <see cref="TierDefaults.Archive"/>.</summary>
    public TierTargets Archive { get; init; } = TierDefaults.Archive;

    /// <summary>The defaults of DESIGN §3.</summary>
    public static BackupTargets Defaults { get; } = new();

    /// <summary>The targets of one tier.</summary>
    public TierTargets this[TierName tier] => tier switch
    {
        TierName.Critical => Critical,
        TierName.Standard => Standard,
        TierName.Archive => Archive,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>Each tier with its targets, in documented order.</summary>
    public IEnumerable<(TierName Tier, TierTargets Targets)> Each() => TierNames.All.Select(t => (t, this[t]));

    /// <summary>Returns a copy with one tier's targets replaced.</summary>
    public BackupTargets With(TierName tier, TierTargets targets) => tier switch
    {
        TierName.Critical => this with { Critical = targets },
        TierName.Standard => this with { Standard = targets },
        TierName.Archive => this with { Archive = targets },
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown tier."),
    };

    /// <summary>
    /// Returns a copy in which the <c>critical</c> tier's copies to the DR account go to the logically air-gapped vault
    /// instead (same rule, same retention, so the same RPO at that destination): the air-gapped copy replaces the
    /// DR-account copy rather than adding a second one. Other tiers are unchanged.
    /// </summary>
    public BackupTargets WithAirGappedCopies() => this with
    {
        Critical = Critical with
        {
            Rules = Critical.Rules.Select(r => r.Copies.Any(c => c.Destination == CopyDestination.DrAccount)
                ? r with { Copies = r.Copies.Select(c => c.Destination == CopyDestination.DrAccount ? c with { Destination = CopyDestination.AirGapped } : c).ToList() }
                : r).ToList(),
        },
    };
}
