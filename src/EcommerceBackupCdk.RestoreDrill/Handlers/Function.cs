using System.Text;
using System.Text.Json;
using EcommerceBackupCdk.RestoreDrill.Configuration;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>
/// The Lambda entry point (managed dotnet10 runtime, no Amazon.Lambda.* packages needed):
/// handler string <c>EcommerceBackupCdk.RestoreDrill::EcommerceBackupCdk.RestoreDrill.Handlers.Function::Handle</c>.
/// Thin: reads the event, hands it to <see cref="RestoreDrillValidator"/>, returns the outcome as JSON.
/// </summary>
public sealed class Function
{
    /// <summary>The Lambda handler string for this function.</summary>
    public const string HandlerString = "EcommerceBackupCdk.RestoreDrill::EcommerceBackupCdk.RestoreDrill.Handlers.Function::Handle";

    private static readonly JsonSerializerOptions OutcomeJson = new(JsonSerializerDefaults.Web);
    private readonly RestoreDrillValidator _validator;

    /// <summary>Used by Lambda: reads and validates the environment once per execution environment (a bad one fails the init with every problem listed).</summary>
    public Function()
        : this(RestoreDrillValidator.Create(DrillSettings.FromEnvironment()))
    {
    }

    public Function(RestoreDrillValidator validator)
    {
        _validator = validator;
    }

    public Stream Handle(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string json;
        using (var reader = new StreamReader(input, Encoding.UTF8))
        {
            json = reader.ReadToEnd();
        }

        var outcome = _validator.HandleAsync(json, CancellationToken.None).GetAwaiter().GetResult();
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(outcome, OutcomeJson));
    }
}
