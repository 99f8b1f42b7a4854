using System.Text;
using System.Text.Json;
using EcommerceBackupCdk.RestoreDrill.Configuration;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>
/// The Lambda entry point (managed dotnet10 runtime, no Amazon.Lambda.* packages needed):
/// handler string <c>EcommerceBackupCdk.RestoreDrill::EcommerceBackupCdk.RestoreDrill.Handlers.Function::Handle</c>.
/// Thin: a drill flow payload (with <c>action</c>) goes to <see cref="DrillFlowHandler"/>; a raw EventBridge event to
/// <see cref="RestoreDrillValidator.HandleAsync"/>; the answer is JSON.
/// </summary>
public sealed class Function
{
    /// <summary>The Lambda handler string for this function.</summary>
    public const string HandlerString = ContractHandlers.DrillValidator;

    private static readonly JsonSerializerOptions OutcomeJson = new(JsonSerializerDefaults.Web);
    private readonly RestoreDrillValidator _validator;
    private readonly DrillFlowHandler _flow;

    /// <summary>Used by Lambda: reads and validates the environment once per execution environment (a bad one fails the init with every problem listed).</summary>
    public Function()
        : this(RestoreDrillValidator.Create(DrillSettings.FromEnvironment()))
    {
    }

    public Function(RestoreDrillValidator validator)
    {
        _validator = validator;
        _flow = new DrillFlowHandler(validator);
    }

    public Stream Handle(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string json;
        using (var reader = new StreamReader(input, Encoding.UTF8))
        {
            json = reader.ReadToEnd();
        }

        System.Text.Json.Nodes.JsonNode? payload = null;
        try
        {
            payload = System.Text.Json.Nodes.JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            // Not JSON: the event handler rejects it with the reason.
        }

        if (DrillFlowHandler.IsFlowPayload(payload))
        {
            return new MemoryStream(Encoding.UTF8.GetBytes(_flow.HandleAsync(json, CancellationToken.None).GetAwaiter().GetResult()));
        }

        var outcome = _validator.HandleAsync(json, CancellationToken.None).GetAwaiter().GetResult();
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(outcome, OutcomeJson));
    }
}
