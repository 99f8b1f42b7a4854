using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.Tests.Support;

/// <summary>
/// Evaluates an EventBridge event pattern against an event, following the documented matching rules for the subset
/// of the pattern language the library uses (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html):
/// every field named in the pattern must be in the event; an object recurses; an array lists the allowed values
/// (OR), compared exactly (case-sensitive, type-sensitive); when the event field is an array, any element may match;
/// <c>{"prefix": "..."}</c>, <c>{"exists": bool}</c> and <c>{"numeric": [op, n, ...]}</c> are supported — the last
/// only against JSON numbers: "Numeric matching works with values that are JSON numbers"
/// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html#filtering-numeric-matching),
/// so a number recorded as a string does not match it. Any other operator throws, so a pattern
/// outside the subset fails the test instead of being waved through.
/// </summary>
internal static class EventPatternMatcher
{
    public static bool Matches(JsonObject pattern, JsonNode? @event)
    {
        if (@event is not JsonObject obj)
        {
            return false;
        }

        foreach (var (key, expected) in pattern)
        {
            obj.TryGetPropertyValue(key, out var actual);
            var present = obj.ContainsKey(key);
            switch (expected)
            {
                case JsonObject nested:
                    if (!present || !Matches(nested, actual))
                    {
                        return false;
                    }

                    break;
                case JsonArray allowed:
                    if (!MatchesAny(allowed, present, actual))
                    {
                        return false;
                    }

                    break;
                default:
                    throw new NotSupportedException($"Pattern field '{key}' must be an object or an array, got {expected?.ToJsonString() ?? "null"}.");
            }
        }

        return true;
    }

    private static bool MatchesAny(JsonArray allowed, bool present, JsonNode? actual)
    {
        foreach (var candidate in allowed)
        {
            if (candidate is JsonObject op)
            {
                if (op.Count != 1)
                {
                    throw new NotSupportedException($"Unsupported content filter {op.ToJsonString()}.");
                }

                var (name, value) = op.First();
                switch (name)
                {
                    case "exists":
                        if (value!.GetValue<bool>() == (present && actual is not JsonObject))
                        {
                            return true;
                        }

                        continue;
                    case "prefix":
                        if (present && Leaves(actual).Any(l => l is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith(value!.GetValue<string>(), StringComparison.Ordinal)))
                        {
                            return true;
                        }

                        continue;
                    case "numeric":
                        if (present && Leaves(actual).Any(l => l is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
                                && Numeric(value!.AsArray(), Number(v))))
                        {
                            return true;
                        }

                        continue;
                    default:
                        throw new NotSupportedException($"Unsupported content filter '{name}'.");
                }
            }

            if (present && Leaves(actual).Any(l => JsonNode.DeepEquals(l, candidate)))
            {
                return true;
            }
        }

        return false;
    }

    // {"numeric": [">", 0, "<=", 5]}: every (operator, operand) pair must hold.
    private static bool Numeric(JsonArray conditions, double value)
    {
        if (conditions.Count == 0 || conditions.Count % 2 != 0)
        {
            throw new NotSupportedException($"Malformed numeric filter {conditions.ToJsonString()}.");
        }

        for (var i = 0; i < conditions.Count; i += 2)
        {
            var operand = Number(conditions[i + 1]!);
            var holds = conditions[i]!.GetValue<string>() switch
            {
                "<" => value < operand,
                "<=" => value <= operand,
                ">" => value > operand,
                ">=" => value >= operand,
                "=" => value == operand,
                var op => throw new NotSupportedException($"Unsupported numeric operator '{op}'."),
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    private static double Number(JsonNode node) => double.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    // An event array matches when any element matches; objects never equal a scalar.
    private static JsonArray Leaves(JsonNode? actual) => actual is JsonArray array ? array : [actual?.DeepClone()];
}
