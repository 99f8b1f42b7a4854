using Amazon.CDK;
using Constructs;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// Puts cdk-nag suppressions on a resource as <c>cdk_nag</c> template metadata, the format cdk-nag reads, so each
/// suppression sits next to the resource it excuses, with its reason.
/// </summary>
public static class NagSuppressions
{
    // The jsii runtime keeps one proxy per JavaScript object, so a resource maps to one list.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CfnResource, List<Dictionary<string, object>>> Suppressions = new();

    /// <summary>Metadata key cdk-nag reads.</summary>
    public const string MetadataKey = "cdk_nag";

    /// <summary>Suppresses rules on the CloudFormation resource of a construct (itself or its default child).</summary>
    /// <param name="construct">An L1 resource or an L2 construct whose default child is one.</param>
    /// <param name="rules">Rule ids (e.g. <c>AwsSolutions-IAM4</c>) with the reason a reviewer would accept.</param>
    public static void Add(IConstruct construct, params (string Id, string Reason)[] rules)
    {
        ArgumentNullException.ThrowIfNull(construct);
        var resource = construct as CfnResource ?? construct.Node.DefaultChild as CfnResource
            ?? throw new ArgumentException($"'{construct.Node.Path}' has no CloudFormation resource to carry cdk-nag suppressions.", nameof(construct));
        AddTo(resource, rules);
    }

    /// <summary>Suppresses rules on every CloudFormation resource under a construct whose type is one of <paramref name="cfnTypes"/>.</summary>
    public static void AddToTree(IConstruct construct, IReadOnlyCollection<string> cfnTypes, params (string Id, string Reason)[] rules)
    {
        ArgumentNullException.ThrowIfNull(construct);
        ArgumentNullException.ThrowIfNull(cfnTypes);
        foreach (var child in construct.Node.FindAll())
        {
            if (child is CfnResource resource && cfnTypes.Contains(resource.CfnResourceType))
            {
                AddTo(resource, rules);
            }
        }
    }

    private static void AddTo(CfnResource resource, (string Id, string Reason)[] rules)
    {
        foreach (var (id, reason) in rules)
        {
            if (string.IsNullOrWhiteSpace(reason) || reason.Length < 20)
            {
                throw new ArgumentException($"cdk-nag suppression of {id} on '{resource.Node.Path}' needs a real reason (got '{reason}').", nameof(rules));
            }
        }

        var existing = Suppressions.GetOrCreateValue(resource);
        foreach (var (id, reason) in rules)
        {
            if (!existing.Any(e => Equals(e["id"], id)))
            {
                existing.Add(new Dictionary<string, object> { ["id"] = id, ["reason"] = reason });
            }
        }

        resource.AddMetadata(MetadataKey, new Dictionary<string, object> { ["rules_to_suppress"] = existing.ToArray() });
    }
}
