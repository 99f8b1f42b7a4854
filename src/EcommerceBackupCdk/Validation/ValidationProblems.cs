using System.Globalization;

namespace EcommerceBackupCdk.Validation;

/// <summary>
/// Collects every problem found in props or config so that all are reported at once, each as
/// <c>key: what is wrong (got X, allowed Y)</c>.
/// </summary>
public sealed class ValidationProblems
{
    private readonly List<string> _problems = [];

    // The key each problem names (null for one added with AddRaw), in the order of _problems.
    private readonly List<string?> _keys = [];

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<string> All => _problems;

    /// <summary>Whether no problem was found.</summary>
    public bool IsEmpty => _problems.Count == 0;

    /// <summary>Records a problem.</summary>
    /// <param name="key">The property or config key, e.g. <c>tiers.critical.rules.hourly.retention</c>.</param>
    /// <param name="what">What is wrong.</param>
    /// <param name="got">The value received.</param>
    /// <param name="allowed">What is allowed.</param>
    public void Add(string key, string what, object? got, string allowed)
    {
        _problems.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: {what} (got {Show(got)}, allowed {allowed})"));
        _keys.Add(key);
    }

    /// <summary>Records an already formatted problem (e.g. one from another validator).</summary>
    public void AddRaw(string problem)
    {
        _problems.Add(problem);
        _keys.Add(null);
    }

    /// <summary>Whether a problem recorded with <see cref="Add"/> names <paramref name="key"/>.</summary>
    public bool Names(string key) => _keys.Contains(key, StringComparer.Ordinal);

    /// <summary>
    /// Adds every problem of <paramref name="other"/> except those naming a key this list already names: a value
    /// reported once (say, as the wrong type, so a default stood in for it) is not reported again by a later rule.
    /// </summary>
    public void AddUnlessNamed(ValidationProblems other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var named = _keys.OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < other._problems.Count; i++)
        {
            if (other._keys[i] is not { } key || !named.Contains(key))
            {
                _problems.Add(other._problems[i]);
                _keys.Add(other._keys[i]);
            }
        }
    }

    /// <summary>Throws <see cref="BackupConfigurationException"/> listing every problem when there is any.</summary>
    /// <param name="subject">What was validated, e.g. <c>EcommerceBackupProps</c>.</param>
    public void ThrowIfAny(string subject)
    {
        if (!IsEmpty)
        {
            throw new BackupConfigurationException(subject, _problems);
        }
    }

    /// <summary>Renders a value for an error message: durations compactly, strings quoted, null as 'nothing'.</summary>
    public static string Show(object? value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        TimeSpan t => DurationText.Format(t),
        IEnumerable<string> list => "[" + string.Join(", ", list.Select(x => $"'{x}'")) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "nothing",
    };
}
