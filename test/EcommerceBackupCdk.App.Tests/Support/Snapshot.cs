using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcommerceBackupCdk.App.Tests.Support;

/// <summary>
/// Template snapshots under <c>__snapshots__/</c>. Asset hashes are scrubbed so that a code change in the drill Lambda
/// does not churn every snapshot. A missing snapshot is written locally but fails under CI; a mismatch fails and
/// writes <c>*.received.json</c> beside the snapshot. Refresh on purpose with <c>UPDATE_SNAPSHOTS=1</c>.
/// </summary>
internal static partial class Snapshot
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Directory => Repo.Path_("test", "EcommerceBackupCdk.App.Tests", "__snapshots__");

    public static void Match(string name, JsonNode actual)
    {
        var text = Scrub(actual.ToJsonString(Indented)) + "\n";
        var path = Path.Combine(Directory, name + ".json");
        var received = Path.Combine(Directory, name + ".received.json");
        var update = System.Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        var ci = !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("CI"));

        if (!File.Exists(path) || update)
        {
            if (ci && !update)
            {
                File.WriteAllText(received, text);
                throw new Xunit.Sdk.XunitException($"Snapshot {path} is missing (CI never creates snapshots). The template was written to {received}.");
            }

            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, text);
            File.Delete(received);
            return;
        }

        var expected = File.ReadAllText(path);
        if (expected != text)
        {
            File.WriteAllText(received, text);
            var firstDiff = expected.Zip(text).TakeWhile(p => p.First == p.Second).Count();
            var line = expected[..Math.Min(firstDiff, expected.Length)].Count(c => c == '\n') + 1;
            throw new Xunit.Sdk.XunitException(
                $"Template differs from snapshot {path} from line {line}. Compare with {received}; if the change is intended, rerun with UPDATE_SNAPSHOTS=1.");
        }

        File.Delete(received);
    }

    public static string Scrub(string json) => AssetHash().Replace(json, "[ASSET-HASH]");

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex AssetHash();
}
