using System.Text;
using System.Text.Json;

namespace MinimalHandler;

/// <summary>
/// A Stream-in, Stream-out handler that reads the event, parses it as JSON (as the validator does first)
/// and answers with the event's detail-type. No AWS SDK, no network: the floor for cold start and size.
/// </summary>
public sealed class Function
{
    public const string HandlerString = "MinimalHandler::MinimalHandler.Function::Handle";

    // An instance handler with per-environment state, like the validator (Lambda creates the type once per execution environment).
    private readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public Stream Handle(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var doc = JsonDocument.Parse(input);
        var detailType = doc.RootElement.TryGetProperty("detail-type", out var value) ? value.GetString() : null;
        return new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string?> { ["outcome"] = "HANDLED", ["detailType"] = detailType }, _json)));
    }
}
