using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace EcommerceBackupCdk.Tests.Support;

/// <summary>The synthesized template as System.Text.Json nodes, for assertions the CDK matchers cannot express.</summary>
internal static class Json
{
    public static JsonObject Of(Template template) => TestSupport.TemplateJson.Of(template);

    public static IEnumerable<JsonObject> ResourcesOfType(Template template, string type) => ResourcesOfTypeIn(Of(template), type);

    public static IEnumerable<JsonObject> ResourcesOfTypeIn(JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Select(kv => kv.Value!.AsObject())
            .Where(r => r["Type"]!.GetValue<string>() == type);

    public static string Pretty(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
