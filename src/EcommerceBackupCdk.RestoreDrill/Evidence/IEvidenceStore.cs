namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>Where the evidence lives: the evidence bucket in Lambda, a directory in tests and local runs.</summary>
public interface IEvidenceStore
{
    /// <summary>Every object whose key starts with the prefix, in key order.</summary>
    Task<IReadOnlyList<EvidenceObject>> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>The object's content as UTF-8 text.</summary>
    Task<string> ReadTextAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes an object.</summary>
    Task WriteTextAsync(string key, string content, string contentType, CancellationToken cancellationToken);
}
