using Amazon.CDK;
using Constructs;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// Puts compliance suppressions on a resource, next to the resource they excuse, each with its reason: cdk-nag rule
/// ids (e.g. <c>AwsSolutions-IAM4</c>) as <c>cdk_nag</c> template metadata, the format cdk-nag reads; AWS Control
/// Tower proactive control ids (e.g. <c>CT.S3.PR.2</c>) as <c>guard</c> metadata — <c>SuppressedRules</c> (the
/// cfn-guard convention: rules skip resources whose <c>Metadata.guard.SuppressedRules</c> lists them) and
/// <c>SuppressionReasons</c> (control id to reason) — which <c>scripts/controltower-gate.mjs</c> reads.
/// </summary>
/// <remarks>
/// A Control Tower suppression only quiets the gate: an account that enables the control as a CloudFormation hook
/// still blocks the resource. Suppress only controls that <see cref="ControlTowerOptions.Strict"/> complies with, or
/// that no configuration can meet (say which in the reason).
/// <para>
/// The suppressions already on a resource are read back from its own metadata (<c>CfnResource.GetMetadata</c>), the
/// one place they live: a second call adds to them, and suppressions another tool wrote there (cdk-nag's own
/// <c>NagSuppressions</c>) are kept.
/// </para>
/// </remarks>
public static class NagSuppressions
{

    /// <summary>Metadata key cdk-nag reads.</summary>
    public const string MetadataKey = "cdk_nag";

    /// <summary>Metadata key of cfn-guard suppressions (<c>SuppressedRules</c>, <c>SuppressionReasons</c>).</summary>
    public const string GuardMetadataKey = "guard";

    /// <summary>Prefix of AWS Control Tower control ids, e.g. <c>CT.KMS.PR.3</c>; such ids become <c>guard</c> metadata.</summary>
    public const string ControlTowerPrefix = "CT.";

    /// <summary>Suppresses rules on the CloudFormation resource of a construct (itself or its default child).</summary>
    /// <param name="construct">An L1 resource or an L2 construct whose default child is one.</param>
    /// <param name="rules">
    /// Rule ids — cdk-nag (e.g. <c>AwsSolutions-IAM4</c>) or Control Tower (e.g. <c>CT.S3.PR.9</c>) — with the reason a
    /// reviewer would accept.
    /// </param>
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
                var kind = IsControlTower(id) ? "Control Tower" : "cdk-nag";
                throw new ArgumentException($"{kind} suppression of {id} on '{resource.Node.Path}' needs a real reason (got '{reason}').", nameof(rules));
            }

            if (IsControlTower(id) && !System.Text.RegularExpressions.Regex.IsMatch(id, @"^CT\.[A-Z0-9]+\.PR\.[0-9]+$"))
            {
                throw new ArgumentException($"'{id}' on '{resource.Node.Path}' is not a Control Tower proactive control id (allowed: CT.<SERVICE>.PR.<n>, e.g. CT.S3.PR.9).", nameof(rules));
            }
        }

        var nag = rules.Where(r => !IsControlTower(r.Id)).ToList();
        if (nag.Count > 0)
        {
            var existing = NagEntries(resource);
            foreach (var (id, reason) in nag)
            {
                if (!existing.Any(e => e.TryGetValue("id", out var existingId) && Equals(existingId, id)))
                {
                    existing.Add(new Dictionary<string, object> { ["id"] = id, ["reason"] = reason });
                }
            }

            resource.AddMetadata(MetadataKey, new Dictionary<string, object> { ["rules_to_suppress"] = existing.ToArray() });
        }

        var guard = rules.Where(r => IsControlTower(r.Id)).ToList();
        if (guard.Count > 0)
        {
            var existing = GuardEntries(resource);
            foreach (var (id, reason) in guard)
            {
                existing.TryAdd(id, reason);
            }

            resource.AddMetadata(GuardMetadataKey, new Dictionary<string, object>
            {
                ["SuppressedRules"] = existing.Keys.ToArray(),
                ["SuppressionReasons"] = new Dictionary<string, object>(existing.Select(kv => new KeyValuePair<string, object>(kv.Key, kv.Value))),
            });
        }
    }

    // What cdk-nag reads: {"rules_to_suppress": [{"id": ..., "reason": ...}, ...]}; entries are kept as written.
    private static List<Dictionary<string, object>> NagEntries(CfnResource resource)
    {
        var entries = new List<Dictionary<string, object>>();
        if (Metadata(resource, MetadataKey)?["rules_to_suppress"] is Newtonsoft.Json.Linq.JArray rules)
        {
            entries.AddRange(rules.OfType<Newtonsoft.Json.Linq.JObject>().Select(r => (Dictionary<string, object>)Plain(r)));
        }

        return entries;
    }

    // The guard metadata: {"SuppressedRules": [...], "SuppressionReasons": {id: reason}}.
    private static SortedDictionary<string, string> GuardEntries(CfnResource resource)
    {
        var entries = new SortedDictionary<string, string>();
        if (Metadata(resource, GuardMetadataKey)?["SuppressionReasons"] is Newtonsoft.Json.Linq.JObject reasons)
        {
            foreach (var (id, reason) in reasons)
            {
                entries[id] = reason?.ToString() ?? string.Empty;
            }
        }

        return entries;
    }

    // jsii hands metadata back as dictionaries, arrays or Newtonsoft tokens; one JSON view of all of them.
    private static Newtonsoft.Json.Linq.JObject? Metadata(CfnResource resource, string key) =>
        resource.GetMetadata(key) is { } value ? Newtonsoft.Json.Linq.JToken.FromObject(value) as Newtonsoft.Json.Linq.JObject : null;

    private static object Plain(Newtonsoft.Json.Linq.JToken token) => token switch
    {
        Newtonsoft.Json.Linq.JObject o => o.Properties().ToDictionary(p => p.Name, p => Plain(p.Value)),
        Newtonsoft.Json.Linq.JArray a => a.Select(Plain).ToArray(),
        Newtonsoft.Json.Linq.JValue v => v.Value ?? string.Empty,
        _ => token.ToString(),
    };

    private static bool IsControlTower(string id) => id.StartsWith(ControlTowerPrefix, StringComparison.Ordinal);
}
