using Amazon.CDK;
using EcommerceBackupCdk.Rules;

namespace EcommerceBackupCdk.Tests.Rules;

/// <summary>Runs one rule through the real synth path (aspect, prepare, validation) and returns what synth reports.</summary>
internal static class RuleHarness
{
    /// <summary>The synth error message, or null when synth passes.</summary>
    public static string? SynthError(Stack stack, IServiceRule rule)
    {
        Aspects.Of(stack).Add(new ServiceRules([rule]));
        try
        {
            Amazon.CDK.Assertions.Template.FromStack(stack);
            return null;
        }
        catch (Exception e)
        {
            return e.Message;
        }
    }
}
