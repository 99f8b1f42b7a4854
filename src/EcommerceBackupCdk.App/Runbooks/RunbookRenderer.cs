using System.Reflection;
using System.Text.RegularExpressions;

namespace EcommerceBackupCdk.App.Runbooks;

/// <summary>
/// Renders the runbook templates (embedded in this assembly from <c>Runbooks/Templates</c>) with the deployment's
/// names. A placeholder without a value is an error, never left in the output.
/// </summary>
internal static partial class RunbookRenderer
{
    private const string ResourcePrefix = "EcommerceBackupCdk.App.Runbooks.Templates.";

    /// <summary>The templates, file name → text, in file-name order.</summary>
    public static IReadOnlyList<(string FileName, string Text)> Templates()
    {
        var assembly = typeof(RunbookRenderer).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[ResourcePrefix.Length..], Read(assembly, n)))
            .ToList();
    }

    public static IReadOnlyList<(string FileName, string Text)> Render(IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var rendered = Templates().Select(t => (t.FileName, Placeholder().Replace(t.Text, m =>
        {
            if (names.TryGetValue(m.Groups[1].Value, out var value))
            {
                return value;
            }

            missing.Add($"{t.FileName}: {{{{{m.Groups[1].Value}}}}}");
            return m.Value;
        }))).ToList();

        if (missing.Count > 0)
        {
            throw new InvalidOperationException("Runbook placeholders without a value:\n  - " + string.Join("\n  - ", missing));
        }

        return rendered;
    }

    /// <summary>Writes the rendering into <paramref name="directory"/> (e.g. <c>cdk.out/runbooks</c>).</summary>
    public static void WriteTo(string directory, IReadOnlyDictionary<string, string> names)
    {
        var rendered = Render(names);
        Directory.CreateDirectory(directory);
        foreach (var (fileName, text) in rendered)
        {
            File.WriteAllText(Path.Combine(directory, fileName == "00-index.md" ? "README.md" : fileName), text);
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{([A-Za-z0-9]+)\}\}")]
    private static partial Regex Placeholder();
}
