namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>The fields of an RDS DBInstance the validator reads.</summary>
public sealed record DbInstanceDescription
{
    public required string DbInstanceIdentifier { get; init; }

    public string? DbInstanceArn { get; init; }

    public required string Status { get; init; }

    public string? Engine { get; init; }

    public string? EngineVersion { get; init; }

    public bool StorageEncrypted { get; init; }

    public string? EndpointAddress { get; init; }

    public int? EndpointPort { get; init; }

    public string? DbName { get; init; }

    public string? DbClusterIdentifier { get; init; }

    public string? MasterUsername { get; init; }
}
