using System.Globalization;

namespace EcommerceBackupCdk.Validation;

/// <summary>
/// Collects every problem found in props or config so that all are reported at once, each as
/// <c>key: what is wrong (got X, allowed Y)</c>.
/// </summary>
public sealed class ValidationProblems
{
    private readonly List<string> _problems = [];

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<string> All => _problems;

    /// <summary>Whether no problem was found.</summary>
    public bool IsEmpty => _problems.Count == 0;

    /// <summary>Records a problem.</summary>
    /// <param name="key">The property or config key, e.g. <c>tiers.critical.rules.hourly.retention</c>.</param>
    /// <param name="what">What is wrong.</param>
    /// <param name="got">The value received.</param>
    /// <param name="allowed">What is allowed.</param>
    public void Add(string key, string what, object? got, string allowed) =>
        _problems.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: {what} (got {Show(got)}, allowed {allowed})"));

    /// <summary>Records an already formatted problem (e.g. one from another validator).</summary>
    public void AddRaw(string problem) => _problems.Add(problem);

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
