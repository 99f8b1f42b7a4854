using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace EcommerceBackupCdk.TestSupport;

/// <summary>
/// A synthesized template as System.Text.Json nodes, for assertions the CDK matchers cannot express. Compiled into
/// both CDK test projects (linked, not copied).
/// </summary>
internal static class TemplateJson
{
    public static JsonObject Of(Template template) => ToNode(template.ToJSON())!.AsObject();

    /// <summary>Converts what jsii hands back (dictionaries, arrays, doubles) into JSON nodes; whole doubles become integers.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d when d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue => JsonValue.Create((int)d),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        System.Collections.IDictionary dict => new JsonObject(dict.Keys.Cast<object>()
            .Select(k => KeyValuePair.Create(k.ToString()!, ToNode(dict[k])))),
        Newtonsoft.Json.Linq.JToken token => ToNode(token.ToObject<object>()),
        System.Collections.IEnumerable list => new JsonArray(list.Cast<object?>().Select(ToNode).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}
