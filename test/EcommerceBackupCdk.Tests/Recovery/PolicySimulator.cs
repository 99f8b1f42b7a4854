using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EcommerceBackupCdk.Tests.Recovery;

/// <summary>
/// Evaluates the statements of a synthesized IAM policy for one action on one resource, the way IAM's evaluation logic
/// orders them: an explicit Deny wins, then an Allow, else implicitly denied
/// ("If policies that apply to a request include an Allow statement and a Deny statement, the Deny statement trumps the
/// Allow statement. The request is explicitly denied." and "Because an IAM principal is denied access by default, they must
/// be explicitly allowed to perform an action."
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html). Conditions are not
/// evaluated (the recovery policy's grants carry none that the tests rely on). Pseudo parameters resolve to the test stack's.
/// </summary>
internal static class PolicySimulator
{
    public static bool IsAllowed(IReadOnlyList<JsonObject> statements, string action, string resource)
    {
        var denied = statements.Any(s => Effect(s) == "Deny" && Matches(s, action, resource));
        var allowed = statements.Any(s => Effect(s) == "Allow" && Matches(s, action, resource));
        return !denied && allowed;
    }

    private static string Effect(JsonObject s) => s["Effect"]!.GetValue<string>();

    private static bool Matches(JsonObject s, string action, string resource)
    {
        if (!Values(s["Action"]).Any(a => Wildcard(a, action, ignoreCase: true)))
        {
            return false;
        }

        return s["NotResource"] is { } notResource
            ? !Values(notResource).Any(r => Wildcard(r, resource, ignoreCase: false))
            : Values(s["Resource"]).Any(r => Wildcard(r, resource, ignoreCase: false));
    }

    private static IEnumerable<string> Values(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.SelectMany(Values),
        JsonValue value => [value.GetValue<string>()],
        JsonObject obj => [Resolve(obj)],
        _ => [],
    };

    private static string Resolve(JsonObject obj)
    {
        if (obj["Ref"] is { } reference)
        {
            return reference.GetValue<string>() switch
            {
                "AWS::Partition" => "aws",
                "AWS::Region" => Support.TestStacks.PrimaryRegion,
                "AWS::AccountId" => Support.TestStacks.PrimaryAccount,
                var other => $"<unresolved:{other}>",
            };
        }

        if (obj["Fn::Join"] is JsonArray join)
        {
            var separator = join[0]!.GetValue<string>();
            return string.Join(separator, ((JsonArray)join[1]!).Select(part => part switch
            {
                JsonValue v => v.GetValue<string>(),
                JsonObject o => Resolve(o),
                _ => string.Empty,
            }));
        }

        return "<unresolved>";
    }

    private static bool Wildcard(string pattern, string value, bool ignoreCase) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
}
