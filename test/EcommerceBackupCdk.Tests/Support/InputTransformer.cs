using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.Tests.Support;

/// <summary>
/// Renders an EventBridge input transformer the way EventBridge does for a string template: each
/// <c>&lt;name&gt;</c> is replaced by the value at its <c>$.a.b</c> path (strings unquoted inside the string
/// template, missing paths as empty), then the JSON string template is decoded into the delivered text.
/// </summary>
internal static class InputTransformer
{
    public static string Render(JsonObject transformer, JsonNode @event)
    {
        var template = transformer["InputTemplate"]!.GetValue<string>();
        foreach (var (name, path) in transformer["InputPathsMap"]!.AsObject())
        {
            var value = Select(@event, path!.GetValue<string>());
            var text = value switch
            {
                null => string.Empty,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => value.ToJsonString(),
            };

            // Inside a JSON string template the value must stay a valid JSON string.
            var escaped = JsonSerializer.Serialize(text)[1..^1];
            template = template.Replace($"<{name}>", escaped, StringComparison.Ordinal);
        }

        return JsonSerializer.Deserialize<string>(template)!;
    }

    private static JsonNode? Select(JsonNode root, string path)
    {
        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Path '{path}' is not a simple $.a.b path.");
        }

        JsonNode? node = root;
        foreach (var part in path[2..].Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        }

        return node;
    }
}
