using Amazon.CDK;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Tests.Protection;

/// <summary>A stack with the guard-rail aspect on its app.</summary>
internal static class ProtectionTestStacks
{
    public static Stack Stack(ProtectionMode mode, BackupTargets? targets = null, string? drAccount = null)
    {
        var stack = TestStacks.NewStack();
        Aspects.Of(stack.Node.Root).Add(new DataProtectionAspect(new DataProtectionAspectProps
        {
            Targets = targets ?? BackupTargets.Defaults,
            Options = new ProtectionOptions { Mode = mode },
            DrAccount = drAccount,
        }));
        return stack;
    }

    public static void Tier(Constructs.IConstruct construct, TierName tier) => Amazon.CDK.Tags.Of(construct).Add(TagContract.TierKey, tier.TagValue());

    /// <summary>Synthesizes and returns the validation message, or null when synth succeeded.</summary>
    public static string? SynthError(Stack stack)
    {
        try
        {
            Template.FromStack(stack);
            return null;
        }
        catch (Exception e)
        {
            return e.Message;
        }
    }

    public static System.Text.Json.Nodes.JsonObject Properties(Stack stack, string type) =>
        Json.ResourcesOfType(Template.FromStack(stack), type).Single()["Properties"]!.AsObject();
}
