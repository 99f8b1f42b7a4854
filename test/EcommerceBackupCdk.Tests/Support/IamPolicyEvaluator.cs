using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcommerceBackupCdk.Tests.Support;

/// <summary>
/// Evaluates one identity-based policy document (as synthesized) for a request, following the documented evaluation
/// logic for a single account without boundaries or session policies: "By default, all requests are implicitly denied",
/// "An explicit deny overrides an explicit allow"
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html), and
/// "If policies that apply to a request include an Allow statement and a Deny statement, the Deny statement trumps the
/// Allow statement" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html). Supports what the
/// drill policies use: Action/NotAction and Resource/NotResource with <c>*</c> and <c>?</c> wildcards (actions case-insensitive), and the
/// condition operators Null, StringEquals, StringLike, ArnEquals, ArnLike (all values of a key in a condition are
/// ORed, all keys and operators ANDed). CloudFormation intrinsics are resolved with a fixed partition, region and account.
/// </summary>
public static class IamPolicyEvaluator
{
    public const string Partition = "aws";
    public const string Region = "eu-central-1";
    public const string Account = "111111111111";

    public enum Decision
    {
        ImplicitDeny,
        Allow,
        ExplicitDeny,
    }

    /// <summary>A request: action, resource ARN and the condition context (e.g. aws:ResourceTag/k).</summary>
    public sealed record Request(string Action, string Resource, IReadOnlyDictionary<string, string>? Context = null);

    public static Decision Evaluate(IEnumerable<JsonObject> statements, Request request)
    {
        var allowed = false;
        foreach (var statement in statements)
        {
            if (!Applies(statement, request))
            {
                continue;
            }

            if (statement["Effect"]!.GetValue<string>() == "Deny")
            {
                return Decision.ExplicitDeny;
            }

            allowed = true;
        }

        return allowed ? Decision.Allow : Decision.ImplicitDeny;
    }

    private static bool Applies(JsonObject statement, Request request)
    {
        var actionMatch = statement["Action"] is { } actions
            ? Values(actions).Any(a => Wildcard(a, request.Action, ignoreCase: true))
            : !Values(statement["NotAction"]!).Any(a => Wildcard(a, request.Action, ignoreCase: true));
        if (!actionMatch)
        {
            return false;
        }

        var resourceMatch = statement["Resource"] is { } resources
            ? Values(resources).Any(r => Wildcard(r, request.Resource, ignoreCase: false))
            : !Values(statement["NotResource"]!).Any(r => Wildcard(r, request.Resource, ignoreCase: false));
        return resourceMatch && ConditionsHold(statement["Condition"] as JsonObject, request.Context ?? new Dictionary<string, string>());
    }

    private static bool ConditionsHold(JsonObject? condition, IReadOnlyDictionary<string, string> context)
    {
        if (condition is null)
        {
            return true;
        }

        foreach (var (op, block) in condition)
        {
            foreach (var (key, expected) in block!.AsObject())
            {
                var values = Values(expected!);
                context.TryGetValue(key, out var actual);
                var holds = op switch
                {
                    "Null" => values.Any(v => (v == "true") == (actual is null)),
                    "StringEquals" or "ArnEquals" => actual is not null && values.Contains(actual, StringComparer.Ordinal),
                    "StringLike" or "ArnLike" => actual is not null && values.Any(v => Wildcard(v, actual, ignoreCase: false)),
                    _ => throw new NotSupportedException($"condition operator {op} is not modelled"),
                };
                if (!holds)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static List<string> Values(JsonNode node) => node switch
    {
        JsonArray list => list.Select(v => Resolve(v!)).ToList(),
        _ => [Resolve(node)],
    };

    // Fn::Join and the pseudo parameters; any other Ref/GetAtt becomes "<LogicalId>".
    private static string Resolve(JsonNode node)
    {
        if (node is JsonValue value)
        {
            return value.GetValue<string>();
        }

        var obj = node.AsObject();
        if (obj["Fn::Join"] is JsonArray join)
        {
            return string.Join(join[0]!.GetValue<string>(), join[1]!.AsArray().Select(p => Resolve(p!)));
        }

        if (obj["Ref"] is { } reference)
        {
            return reference.GetValue<string>() switch
            {
                "AWS::Partition" => Partition,
                "AWS::Region" => Region,
                "AWS::AccountId" => Account,
                var other => $"<{other}>",
            };
        }

        if (obj["Fn::GetAtt"] is JsonArray getAtt)
        {
            return $"<{getAtt[0]!.GetValue<string>()}.{getAtt[1]!.GetValue<string>()}>";
        }

        throw new NotSupportedException($"intrinsic {obj.ToJsonString()} is not modelled");
    }

    private static bool Wildcard(string pattern, string value, bool ignoreCase) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
