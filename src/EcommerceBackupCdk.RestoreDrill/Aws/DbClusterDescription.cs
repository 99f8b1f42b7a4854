namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>The fields of an RDS DBCluster the validator reads.</summary>
public sealed record DbClusterDescription
{
    public required string DbClusterIdentifier { get; init; }

    public string? DbClusterArn { get; init; }

    public required string Status { get; init; }

    public string? Engine { get; init; }

    public string? EngineVersion { get; init; }

    public string? MasterUsername { get; init; }

    public bool StorageEncrypted { get; init; }

    public string? Endpoint { get; init; }

    public int? Port { get; init; }

    public string? DatabaseName { get; init; }

    public IReadOnlyList<string> MemberInstanceIdentifiers { get; init; } = [];
}
