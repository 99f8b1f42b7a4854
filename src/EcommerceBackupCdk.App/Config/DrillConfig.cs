namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// The parts of the <c>drills</c> config that name existing resources by id or ARN; the primary stack turns them into
/// typed references (a construct scope is needed for that).
/// </summary>
internal sealed record DrillConfig
{
    /// <summary><c>drills.databaseSecretArn</c>.</summary>
    public string? DatabaseSecretArn { get; init; }

    /// <summary><c>drills.resources[i].secretArn</c> by resource index.</summary>
    public IReadOnlyDictionary<int, string> ResourceSecretArns { get; init; } = new Dictionary<int, string>();

    /// <summary><c>drills.network</c>.</summary>
    public DrillNetworkConfig? Network { get; init; }
}
