namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>An object of the evidence bucket: key, size and last-modified time.</summary>
public sealed record EvidenceObject(string Key, long Size, DateTimeOffset LastModified);
