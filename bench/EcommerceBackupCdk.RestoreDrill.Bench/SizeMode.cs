using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace EcommerceBackupCdk.RestoreDrill.Bench;

/// <summary>
/// Mode "size": each --package "label=publish-dir" is zipped (deflate, CompressionLevel.Optimal, files at the zip root
/// as Lambda wants them) into --zip-dir; reports zipped bytes, unpacked bytes, file count and the largest files.
/// </summary>
internal static class SizeMode
{
    public static string Run(Options options)
    {
        var zipDir = options.Required("zip-dir");
        Directory.CreateDirectory(zipDir);
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        var details = new StringBuilder();
        md.AppendLine("| package | zipped | unpacked | files | assemblies (.dll) |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var package in options.All("package"))
        {
            var eq = package.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new BenchException($"--package wants label=directory, got '{package}'");
            }

            var (label, dir) = (package[..eq], package[(eq + 1)..]);
            if (!Directory.Exists(dir))
            {
                throw new BenchException($"{dir} does not exist (publish it first)");
            }

            var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToList();
            var zip = Path.Combine(zipDir, new string(label.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()) + ".zip");
            File.Delete(zip);
            ZipFile.CreateFromDirectory(dir, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
            var zipped = new FileInfo(zip).Length;
            md.AppendLine(inv, $"| {label} | {Stats.Bytes(zipped)} ({zipped:N0} B) | {Stats.Bytes(files.Sum(f => f.Length))} | {files.Count} | {files.Count(f => f.Extension == ".dll")} |");
            var largest = string.Join(", ", files.OrderByDescending(f => f.Length).Take(8).Select(f => $"`{Path.GetRelativePath(dir, f.FullName)}` {Stats.Bytes(f.Length)}"));
            details.AppendLine(inv, $"Largest files of {label}: {largest}.");
            details.AppendLine();
        }

        md.AppendLine();
        md.Append(details);
        return md.ToString();
    }
}
