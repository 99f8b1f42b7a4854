using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcommerceBackupCdk.RestoreDrill.Reports;

/// <summary>The one JSON shape of <see cref="DrillReport"/>: camelCase, indented, nulls written.</summary>
public static class DrillReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(DrillReport report) => JsonSerializer.Serialize(report, Options);

    public static DrillReport Deserialize(string json) =>
        JsonSerializer.Deserialize<DrillReport>(json, Options) ?? throw new JsonException("empty report");
}
