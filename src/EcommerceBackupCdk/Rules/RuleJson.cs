using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.Rules;

/// <summary>
/// Helpers for reading resolved CloudFormation JSON in rules: case-insensitive property lookup (CDK keeps L1 properties
/// in camelCase until it renders them), single-or-list values, IAM policy statements, and a short rendering of a value
/// for messages.
/// </summary>
public static class RuleJson
{
    /// <summary>The value of <paramref name="name"/> in an object, whatever the case of the key; null when absent.</summary>
    public static JsonNode? Get(JsonNode? node, string name)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A value that IAM and CloudFormation allow as one item or a list, as a list.</summary>
    public static IReadOnlyList<JsonNode?> Items(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array],
        _ => [node],
    };

    /// <summary>A string value, or null when it is absent or not a plain string (e.g. an intrinsic function).</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>True/false for a boolean (or "true"/"false"), null otherwise.</summary>
    public static bool? Bool(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetValue<string>(), out var b) => b,
            _ => null,
        }
        : null;

    /// <summary>The statements of an IAM policy document.</summary>
    public static IReadOnlyList<JsonObject> Statements(JsonNode? policyDocument) =>
        Items(Get(policyDocument, "Statement")).OfType<JsonObject>().ToList();

    /// <summary>Whether a statement's <c>Principal</c> names the service principal (e.g. <c>events.amazonaws.com</c>).</summary>
    public static bool HasServicePrincipal(JsonObject statement, string service) =>
        Items(Get(Get(statement, "Principal"), "Service")).Any(p => Text(p) == service);

    /// <summary>Whether a statement allows (<c>Effect: Allow</c>) or denies.</summary>
    public static bool IsAllow(JsonObject statement) => Text(Get(statement, "Effect")) == "Allow";

    /// <summary>The actions a statement lists.</summary>
    public static IReadOnlyList<string> Actions(JsonObject statement) =>
        Items(Get(statement, "Action")).Select(Text).OfType<string>().ToList();

    /// <summary>The condition keys a statement uses, across every operator (e.g. <c>aws:SourceAccount</c>).</summary>
    public static IReadOnlyList<string> ConditionKeys(JsonObject statement) =>
        Get(statement, "Condition") is JsonObject condition
            ? condition.SelectMany(op => op.Value is JsonObject keys ? keys.Select(k => k.Key) : []).ToList()
            : [];

    /// <summary>A short label for a statement in a property path: its Sid, or its index.</summary>
    public static string Label(JsonObject statement, int index) => Text(Get(statement, "Sid")) ?? index.ToString(CultureInfo.InvariantCulture);

    /// <summary>A value rendered for a message, cut to 300 characters.</summary>
    public static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "nothing";
        return text.Length <= 300 ? text : text[..297] + "...";
    }

    /// <summary>The CloudFormation spelling of a <see cref="Amazon.CDK.CfnDeletionPolicy"/> value.</summary>
    internal static string PolicyName(string enumName) => enumName switch
    {
        "DELETE" => "Delete",
        "RETAIN" => "Retain",
        "SNAPSHOT" => "Snapshot",
        "RETAIN_EXCEPT_ON_CREATE" => "RetainExceptOnCreate",
        _ => enumName,
    };

    /// <summary>Converts what jsii hands back (dictionaries, arrays, doubles, Newtonsoft tokens) into JSON nodes.</summary>
    internal static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        Newtonsoft.Json.Linq.JToken token => JsonNode.Parse(token.ToString(Newtonsoft.Json.Formatting.None)),
        System.Collections.IDictionary dict => new JsonObject(dict.Keys.Cast<object>()
            .Where(k => dict[k] is not null)
            .Select(k => KeyValuePair.Create(k.ToString()!, ToNode(dict[k])))),
        System.Collections.IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToNode).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}
