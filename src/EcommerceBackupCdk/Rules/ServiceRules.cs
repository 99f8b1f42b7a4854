using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace EcommerceBackupCdk.Rules;

/// <summary>
/// The service-side rule pack as an aspect for any CDK app: it adds a synth-time validation to every stack below the
/// scope it is added to, which runs each <see cref="IServiceRule"/> over the stack's resolved resources. Findings fail
/// synth like every other validation error, one line each:
/// <c>RuleId: construct/path (AWS::Type) Property: problem (got value). Fix: ...</c>.
/// <see cref="EcommerceBackup"/> adds it to the whole app; add it yourself when you use the constructs alone.
/// A stack is checked once however many times the aspect is added.
/// </summary>
/// <example>
/// <code>
/// Aspects.Of(app).Add(new ServiceRules());
/// </code>
/// </example>
public sealed class ServiceRules : DeputyBase, IAspect
{
    /// <summary>Creates the aspect with <see cref="Default"/> or the given rules.</summary>
    public ServiceRules(IEnumerable<IServiceRule>? rules = null)
    {
        Rules = [.. rules ?? Default];
    }

    /// <summary>Every rule of the pack, in the order findings are reported.</summary>
    public static IReadOnlyList<IServiceRule> Default { get; } =
    [
        new SnsKeyEventBridgeGrant(),
        new VaultManualDeletionDeny(),
        new NamedResourceRetainExceptOnCreate(),
        new ConfigDeliveryChannelBucket(),
        new ConfigDeliveryChannelOrder(),
        new BackupReportsServiceLinkedRole(),
        new AirGappedVaultRetention(),
        new AirGappedVaultEncryptionKey(),
        new AirGappedVaultRegion(),
        new MalwareScannerRoleTrust(),
        new FlowLogBucketDelivery(),
    ];

    /// <summary>The rules this instance runs.</summary>
    public IReadOnlyList<IServiceRule> Rules { get; }

    /// <inheritdoc />
    public void Visit(IConstruct node)
    {
        // The facade and a user may both add the pack: the stack's own mark (ServiceRulesMark) says it is checked already.
        if (node is not Stack stack || !ServiceRulesMark.TryMark(stack))
        {
            return;
        }

        stack.Node.AddValidation(new StackRulesValidation(stack, Rules));
    }

    /// <summary>Runs the rules over one stack now and returns the formatted findings (what synth reports).</summary>
    public static IReadOnlyList<string> Findings(Stack stack, IEnumerable<IServiceRule> rules)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(rules);
        var template = RuleTemplate.Of(stack);
        return rules
            .SelectMany(rule => rule.Check(template).Select(f =>
                $"{rule.Id}: {f.Resource.Path} ({f.Resource.Type}) {f.Property}: {f.Problem} (got {f.Value}). Fix: {f.Fix}"))
            .ToList();
    }
}
