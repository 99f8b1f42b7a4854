using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace EcommerceBackupCdk.App.Tests.Support;

/// <summary>Templates as System.Text.Json nodes.</summary>
internal static class Json
{
    public static JsonObject Of(Template template) => TestSupport.TemplateJson.Of(template);

    public static Dictionary<string, int> CountByType(JsonObject template) =>
        template["Resources"]!.AsObject()
            .GroupBy(kv => kv.Value!["Type"]!.GetValue<string>())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
}
