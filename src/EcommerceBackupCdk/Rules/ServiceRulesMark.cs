using Amazon.CDK;
using Constructs;

namespace EcommerceBackupCdk.Rules;

/// <summary>
/// Marks a stack that already carries the service-rule validation: an empty construct (no resource, nothing in the
/// template) under the stack, so the mark lives and dies with the stack's own construct tree — one per stack, however
/// many <see cref="ServiceRules"/> instances (the facade's and a user's) visit it, and gone with the tree, unlike a
/// static table keyed by stack.
/// </summary>
internal sealed class ServiceRulesMark : Construct
{
    /// <summary>The construct id of the mark under the stack.</summary>
    public const string Id = "EcommerceBackupServiceRules";

    private ServiceRulesMark(Stack stack)
        : base(stack, Id)
    {
    }

    /// <summary>Marks the stack; returns false when it already was marked.</summary>
    public static bool TryMark(Stack stack)
    {
        if (stack.Node.TryFindChild(Id) is ServiceRulesMark)
        {
            return false;
        }

        _ = new ServiceRulesMark(stack);
        return true;
    }
}
