using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>The JSON form of the index: camelCase, indented, nulls written.</summary>
public static class EvidenceIndexJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(EvidenceIndex index) => JsonSerializer.Serialize(index, Options);

    public static EvidenceIndex Deserialize(string json) =>
        JsonSerializer.Deserialize<EvidenceIndex>(json, Options) ?? throw new JsonException("empty evidence index");
}
