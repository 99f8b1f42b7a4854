using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Contract;

/// <summary>
/// An environment that remembers which variables a reader asked for, so a test can prove that every variable the
/// construct sets is one the Lambda reads (a variable renamed on one side is set but never read).
/// </summary>
internal sealed class RecordingEnvironment(IReadOnlyDictionary<string, string> inner) : IReadOnlyDictionary<string, string>
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Read => _read;

    public string this[string key]
    {
        get
        {
            _read.Add(key);
            return inner[key];
        }
    }

    public IEnumerable<string> Keys => throw new NotSupportedException("a reader must ask for the variables it knows, not list them");

    public IEnumerable<string> Values => throw new NotSupportedException("a reader must ask for the variables it knows, not list them");

    public int Count => inner.Count;

    public bool ContainsKey(string key)
    {
        _read.Add(key);
        return inner.ContainsKey(key);
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        _read.Add(key);
        return inner.TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => throw new NotSupportedException("a reader must ask for the variables it knows, not list them");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
