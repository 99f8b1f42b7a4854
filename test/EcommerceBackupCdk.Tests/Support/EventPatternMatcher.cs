using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.Tests.Support;

/// <summary>
/// Evaluates an EventBridge event pattern against an event, following the documented matching rules for the subset
/// of the pattern language the library uses (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html):
/// every field named in the pattern must be in the event; an object recurses; an array lists the allowed values
/// (OR), compared exactly (case-sensitive, type-sensitive); when the event field is an array, any element may match;
/// <c>{"prefix": "..."}</c> and <c>{"exists": bool}</c> are supported. Any other operator throws, so a pattern
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

    // An event array matches when any element matches; objects never equal a scalar.
    private static JsonArray Leaves(JsonNode? actual) => actual is JsonArray array ? array : [actual?.DeepClone()];
}
