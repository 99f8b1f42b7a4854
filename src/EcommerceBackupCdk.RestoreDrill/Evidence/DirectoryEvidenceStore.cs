using System.Text;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>An evidence "bucket" on disk: keys are paths relative to the root, with '/' separators.</summary>
public sealed class DirectoryEvidenceStore : IEvidenceStore
{
    private readonly string _root;

    public DirectoryEvidenceStore(string root)
    {
        _root = Path.GetFullPath(root);
    }

    public Task<IReadOnlyList<EvidenceObject>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        IReadOnlyList<EvidenceObject> found = !Directory.Exists(_root)
            ? []
            : Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
                .Select(path => (Path: path, Key: Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/')))
                .Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => new EvidenceObject(f.Key, new FileInfo(f.Path).Length, File.GetLastWriteTimeUtc(f.Path)))
                .ToList();
        return Task.FromResult(found);
    }

    public async Task<string> ReadTextAsync(string key, CancellationToken cancellationToken) =>
        await File.ReadAllTextAsync(PathOf(key), Encoding.UTF8, cancellationToken).ConfigureAwait(false);

    public async Task WriteTextAsync(string key, string content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, content, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"key '{key}' leaves the evidence directory", nameof(key));
        }

        return path;
    }
}
