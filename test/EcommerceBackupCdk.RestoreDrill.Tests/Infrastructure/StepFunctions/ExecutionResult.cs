using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure.StepFunctions;

/// <summary>How an execution ended: status, output or error/cause, and its full history.</summary>
public sealed record ExecutionResult(string ExecutionArn, string Status, string? Output, string? Error, string? Cause, IReadOnlyList<JsonObject> History)
{
    /// <summary>The output parsed as JSON (null when the execution has none).</summary>
    public JsonNode? OutputJson => Output is null ? null : JsonNode.Parse(Output);

    /// <summary>Names of the states entered, in order.</summary>
    public IReadOnlyList<string> StatesEntered => History
        .Where(e => e["type"]!.GetValue<string>().EndsWith("StateEntered", StringComparison.Ordinal))
        .Select(e => e.Single(p => p.Key.EndsWith("EventDetails", StringComparison.Ordinal)).Value!["name"]!.GetValue<string>())
        .ToList();

    /// <summary>The whole history as one JSON text (to assert something never appears in it).</summary>
    public string HistoryText => new JsonArray(History.Select(e => (JsonNode)e.DeepClone()).ToArray()).ToJsonString();
}
