using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>
/// The validator's entry for the drill flow (the Step Functions state machine): one short action per invocation, named
/// by the payload's <c>action</c> (<see cref="DrillFlowContract"/>); every wait happens in the state machine, never here.
/// Payload fields: <c>event</c> (the EventBridge event), <c>drill</c> (<see cref="DrillFlowState"/>), <c>attempt</c>,
/// <c>verdict</c> (<see cref="DrillVerdict"/>), <c>instance</c> (<see cref="InstancePoll"/>). Errors the flow retries
/// surface as <see cref="TransientDrillException"/> (its Lambda error type).
/// </summary>
public sealed class DrillFlowHandler
{
    /// <summary>camelCase, as the state machine's JSONPath expressions read it.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    private readonly RestoreDrillValidator _validator;

    public DrillFlowHandler(RestoreDrillValidator validator)
    {
        _validator = validator;
    }

    /// <summary>True when the payload is a drill flow call rather than a raw EventBridge event.</summary>
    public static bool IsFlowPayload(JsonNode? payload) => payload is JsonObject obj && obj[DrillFlowContract.ActionField] is JsonValue;

    public async Task<string> HandleAsync(string payloadJson, CancellationToken cancellationToken)
    {
        var payload = JsonNode.Parse(payloadJson) as JsonObject ?? throw new ArgumentException("the drill flow payload is not a JSON object");
        var action = payload[DrillFlowContract.ActionField]?.GetValue<string>() ?? throw new ArgumentException("the drill flow payload has no 'action'");
        object result = action switch
        {
            DrillFlowContract.Inspect => await _validator.InspectAsync(EventJson(payload), Attempt(payload), cancellationToken).ConfigureAwait(false),
            DrillFlowContract.CreateInstance => await CreateAsync(State(payload), cancellationToken).ConfigureAwait(false),
            DrillFlowContract.InstanceStatus => await _validator.PollTemporaryInstanceAsync(State(payload), Attempt(payload), cancellationToken).ConfigureAwait(false),
            DrillFlowContract.Validate => await _validator.BuildVerdictAsync(EventJson(payload), State(payload), cancellationToken).ConfigureAwait(false),
            DrillFlowContract.DeleteInstance => await DeleteAsync(State(payload), cancellationToken).ConfigureAwait(false),
            DrillFlowContract.Record => await RecordAsync(payload, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"unknown drill flow action '{action}' (allowed: {string.Join(", ", DrillFlowContract.Actions)})"),
        };
        return JsonSerializer.Serialize(result, result.GetType(), Json);
    }

    private async Task<object> CreateAsync(DrillFlowState state, CancellationToken cancellationToken)
    {
        await _validator.CreateTemporaryInstanceAsync(state, cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, string?> { ["temporaryInstanceId"] = state.TemporaryInstanceId };
    }

    private async Task<object> DeleteAsync(DrillFlowState state, CancellationToken cancellationToken)
    {
        await _validator.DeleteTemporaryInstanceAsync(state, cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, string?> { ["temporaryInstanceId"] = state.TemporaryInstanceId };
    }

    private async Task<DrillOutcome> RecordAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        var state = State(payload);
        var validate = payload["validate"] as JsonObject;
        DrillVerdict verdict;
        if (validate?["result"] is JsonObject v)
        {
            verdict = v.Deserialize<DrillVerdict>(Json) ?? throw new ArgumentException("'validate.result' is empty");
        }
        else if (validate?["Error"] is JsonValue error)
        {
            // A step failed for good (after the flow's retries): the drill fails, saying which step and why.
            var cause = validate["Cause"]?.ToString() ?? "no cause";
            verdict = _validator.UnreadableJobVerdict(EventJson(payload), state with
            {
                Message = $"FAILED: the drill flow could not validate restore job {state.RestoreJobId}: {error}: {(cause.Length > 600 ? cause[..600] : cause)}",
            });
        }
        else
        {
            verdict = _validator.UnreadableJobVerdict(EventJson(payload), state);
        }

        bool? gone = state.NeedsTemporaryInstance ? payload["instance"]?["gone"]?.GetValue<bool>() ?? false : null;
        return await _validator.RecordAsync(verdict, gone, cancellationToken).ConfigureAwait(false);
    }

    private static string EventJson(JsonObject payload) =>
        payload["event"]?.ToJsonString() ?? throw new ArgumentException("the drill flow payload has no 'event'");

    private static DrillFlowState State(JsonObject payload) =>
        payload["drill"]?.Deserialize<DrillFlowState>(Json) ?? throw new ArgumentException("the drill flow payload has no 'drill' state");

    private static int Attempt(JsonObject payload) => payload["attempt"] is JsonValue a && a.TryGetValue<int>(out var n) ? n : 0;
}
