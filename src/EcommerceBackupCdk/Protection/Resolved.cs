using Amazon.CDK;
using Constructs;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// Reads L1 property values through <see cref="Stack.Resolve"/>: L2 constructs often set them as lazy tokens, and
/// structs come back as dictionaries with camelCase (L1 props) or PascalCase (rendered JSON) keys, so lookups ignore
/// case. A value that resolves to an intrinsic function (<c>Ref</c>, <c>Fn::*</c>) is unknown at synth time and reads
/// as <see cref="Unknown"/>; callers skip it instead of guessing.
/// </summary>
internal static class Resolved
{
    /// <summary>Marks a value only known at deploy time.</summary>
    public static readonly object Unknown = new();

    public static object? Of(IConstruct scope, object? value) => value is null ? null : Normalize(Stack.Of(scope).Resolve(value));

    public static object? Get(object? value, string key)
    {
        if (value is IDictionary<string, object?> dict)
        {
            foreach (var (k, v) in dict)
            {
                if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                {
                    return v;
                }
            }
        }

        return null;
    }

    public static IReadOnlyList<object?> Items(object? value) => value as IReadOnlyList<object?> ?? [];

    /// <summary>True, false, or null when absent or unknown.</summary>
    public static bool? Bool(object? value) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var parsed) => parsed,
        _ => null,
    };

    public static double? Number(object? value) => value switch
    {
        double d => d,
        int i => i,
        long l => l,
        string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static bool IsUnknown(object? value) => ReferenceEquals(value, Unknown);

    /// <summary>Turns a resolved value back into what jsii passes to JavaScript: arrays and string-keyed maps.</summary>
    public static object? ToJsii(object? value) => value switch
    {
        IDictionary<string, object?> dict => dict.ToDictionary(kv => kv.Key, kv => ToJsii(kv.Value)!),
        IReadOnlyList<object?> list => list.Select(ToJsii).ToArray(),
        _ => value,
    };

    // jsii hands back dictionaries, arrays and Newtonsoft tokens; normalise them to IDictionary/IReadOnlyList.
    private static object? Normalize(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string or bool or double or int or long:
                return value;
            case Newtonsoft.Json.Linq.JValue v:
                return Normalize(v.Value);
            case Newtonsoft.Json.Linq.JObject obj:
                return Normalize(obj.Properties().ToDictionary(p => p.Name, p => (object?)p.Value));
            case Newtonsoft.Json.Linq.JArray array:
                return array.Select(x => Normalize(x)).ToList();
            case System.Collections.IDictionary dict:
            {
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (System.Collections.DictionaryEntry e in dict)
                {
                    result[e.Key.ToString()!] = Normalize(e.Value);
                }

                return result.Keys.Any(k => k == "Ref" || k.StartsWith("Fn::", StringComparison.Ordinal)) ? Unknown : result;
            }

            case System.Collections.IEnumerable list:
                return list.Cast<object?>().Select(Normalize).ToList();
            default:
                return value;
        }
    }
}
