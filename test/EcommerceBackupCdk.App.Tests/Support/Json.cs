using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace EcommerceBackupCdk.App.Tests.Support;

/// <summary>Templates as System.Text.Json nodes.</summary>
internal static class Json
{
    public static JsonObject Of(Template template) => ToNode(template.ToJSON())!.AsObject();

    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue => JsonValue.Create((int)d),
        double d => JsonValue.Create(d),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        System.Collections.IDictionary dict => new JsonObject(dict.Keys.Cast<object>()
            .Select(k => KeyValuePair.Create(k.ToString()!, ToNode(dict[k])))),
        Newtonsoft.Json.Linq.JToken token => ToNode(token.ToObject<object>()),
        System.Collections.IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToNode).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };

    public static Dictionary<string, int> CountByType(JsonObject template) =>
        template["Resources"]!.AsObject()
            .GroupBy(kv => kv.Value!["Type"]!.GetValue<string>())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
}
