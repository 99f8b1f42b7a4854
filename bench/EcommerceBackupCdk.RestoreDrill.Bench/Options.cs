using System.Globalization;

namespace EcommerceBackupCdk.RestoreDrill.Bench;

/// <summary>A failure the benchmark reports in one line and exits 1 for (wrong figures, missing service).</summary>
internal sealed class BenchException : Exception
{
    public BenchException(string message)
        : base(message)
    {
    }

    public BenchException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public BenchException()
    {
    }
}

/// <summary>"--name value" pairs; a name may repeat (All).</summary>
internal sealed class Options
{
    private readonly List<(string Name, string Value)> _pairs;

    private Options(List<(string Name, string Value)> pairs) => _pairs = pairs;

    public static Options Parse(ReadOnlySpan<string> args)
    {
        var pairs = new List<(string, string)>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new BenchException($"expected '--name value', got '{args[i]}'");
            }

            pairs.Add((args[i][2..], args[i + 1]));
            i++;
        }

        return new Options(pairs);
    }

    public string Text(string name, string fallback) => _pairs.LastOrDefault(p => p.Name == name).Value ?? fallback;

    public string Required(string name) => _pairs.LastOrDefault(p => p.Name == name).Value ?? throw new BenchException($"--{name} is required");

    public int Int(string name, int fallback) =>
        _pairs.LastOrDefault(p => p.Name == name).Value is { } v
            ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new BenchException($"--{name} must be a positive whole number, got '{v}'")
            : fallback;

    public IReadOnlyList<string> All(string name) => _pairs.Where(p => p.Name == name).Select(p => p.Value).ToList();
}
