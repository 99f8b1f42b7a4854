using System.Text;
using EcommerceBackupCdk.RestoreDrill.Recovery;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>
/// Lambda entry point of store recovery (the <c>&lt;store&gt;-store-recovery</c> state machine's steps):
/// handler string <c>EcommerceBackupCdk.RestoreDrill::EcommerceBackupCdk.RestoreDrill.Handlers.RecoveryFunction::Handle</c>.
/// Thin: hands the event to <see cref="StoreRecoveryHandler"/> and returns its JSON.
/// </summary>
public sealed class RecoveryFunction
{
    /// <summary>The Lambda handler string for this function.</summary>
    public const string HandlerString = ContractHandlers.StoreRecovery;

    private readonly StoreRecoveryHandler _handler;

    /// <summary>Used by Lambda: reads and validates the environment once per execution environment.</summary>
    public RecoveryFunction()
        : this(StoreRecoveryHandler.Create(RecoverySettings.FromEnvironment()))
    {
    }

    public RecoveryFunction(StoreRecoveryHandler handler)
    {
        _handler = handler;
    }

    public Stream Handle(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string json;
        using (var reader = new StreamReader(input, Encoding.UTF8))
        {
            json = reader.ReadToEnd();
        }

        var result = _handler.HandleAsync(json, CancellationToken.None).GetAwaiter().GetResult();
        return new MemoryStream(Encoding.UTF8.GetBytes(result?.ToJsonString() ?? "null"));
    }
}
