namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>Copies made to one destination vault in the period.</summary>
public sealed record CopyDestinationSummary(string DestinationVaultArn, int Completed, int Failed);
