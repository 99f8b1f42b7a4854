using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace EcommerceBackupCdk.Rules;

/// <summary>The synth-time validation <see cref="ServiceRules"/> adds to each stack.</summary>
internal sealed class StackRulesValidation(Stack stack, IReadOnlyList<IServiceRule> rules) : DeputyBase, Constructs.IValidation
{
    public string[] Validate() => [.. ServiceRules.Findings(stack, rules)];
}
