using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.Tests.Support;

/// <summary>
/// EventBridge's matching of exact-value patterns (the only kind the drill trigger uses): every field of the pattern
/// must be in the event; a list matches when the event's value (or one of its values) equals one entry; objects match
/// field by field.
/// </summary>
internal static class EventPatterns
{
    public static bool Matches(JsonObject pattern, JsonNode? evt)
    {
        if (evt is not JsonObject obj)
        {
            return false;
        }

        foreach (var (key, expected) in pattern)
        {
            if (!obj.TryGetPropertyValue(key, out var actual) || actual is null)
            {
                return false;
            }

            var ok = expected switch
            {
                JsonObject nested => Matches(nested, actual),
                JsonArray allowed => Values(actual).Any(v => allowed.Any(a => a?.ToJsonString() == v)),
                _ => throw new ArgumentException($"Unsupported pattern at '{key}': {expected?.ToJsonString()}"),
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Values(JsonNode node) =>
        node is JsonArray array ? array.Select(x => x?.ToJsonString() ?? "null") : [node.ToJsonString()];
}
