using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// Reads the tags a resource will be deployed with. <c>Tags.Of(x).Add</c> works through aspects, and CDK invokes the
/// aspects of a resource root-first: an aspect added to the stack runs before a <c>Tag</c> added to the resource
/// itself, so at that point the tag is not there yet. <see cref="ApplyPending"/> therefore invokes the resource's
/// pending <see cref="Tag"/> and <see cref="RemoveTag"/> aspects itself, in CDK's order; CDK invokes them again later
/// with the same result (tag priorities make it idempotent).
/// </summary>
internal static class ResourceTags
{
    public static void ApplyPending(CfnResource resource)
    {
        if (TagManager.Of(resource) is null)
        {
            return;
        }

        var scopes = resource.Node.Scopes;
        var start = 0;
        for (var i = scopes.Length - 1; i >= 0; i--)
        {
            if (Stage.IsStage(scopes[i]))
            {
                start = i;
                break;
            }
        }

        for (var i = start; i < scopes.Length; i++)
        {
            foreach (var aspect in Aspects.Of(scopes[i]).All)
            {
                if (aspect is Tag or RemoveTag)
                {
                    aspect.Visit(resource);
                }
            }
        }
    }

    /// <summary>The resource's tags; values may be unresolved tokens, which callers skip.</summary>
    public static IReadOnlyDictionary<string, string> Of(CfnResource resource)
    {
        ApplyPending(resource);
        var manager = TagManager.Of(resource);
        if (manager is null && resource is CfnGlobalTable && resource.Node.Scope is { } parent)
        {
            // TableV2 keeps the tags in its own TagManager and renders them into every replica.
            manager = TagManager.Of(parent);
        }

        if (manager is not null)
        {
            return new Dictionary<string, string>(manager.TagValues(), StringComparer.Ordinal);
        }

        return resource is CfnGlobalTable global ? FirstReplicaTags(global) : new Dictionary<string, string>();
    }

    private static Dictionary<string, string> FirstReplicaTags(CfnGlobalTable table)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var replicas = Resolved.Items(Resolved.Of(table, table.Replicas));
        var replica = replicas.Count > 0 ? replicas[0] : null;
        foreach (var tag in Resolved.Items(Resolved.Get(replica, "tags")))
        {
            if (Resolved.Get(tag, "key") is string key && Resolved.Get(tag, "value") is string value)
            {
                tags[key] = value;
            }
        }

        return tags;
    }
}
