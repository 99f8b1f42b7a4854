using System.Globalization;
using System.Text.Json;

namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>The execution input <c>{"pointInTime": ISO-8601 | "latest", "tier": "...", "mode": "drill" | "incident"}</c>, validated.</summary>
public sealed record RecoveryInput
{
    public const string Latest = "latest";
    public const string Drill = "drill";
    public const string Incident = "incident";

    public required string Tier { get; init; }

    public required string Mode { get; init; }

    /// <summary>Null for "latest".</summary>
    public DateTimeOffset? PointInTime { get; init; }

    /// <summary>Every problem at once, each naming the field, the value and what is allowed; empty when valid.</summary>
    public static (RecoveryInput? Input, IReadOnlyList<string> Problems) Parse(JsonElement input, IReadOnlyCollection<string> tiers, string defaultTier)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var problems = new List<string>();
        if (input.ValueKind != JsonValueKind.Object)
        {
            return (null, [$"input: not a JSON object (got {input.GetRawText()}, allowed {{\"pointInTime\":\"latest\",\"mode\":\"drill\"}})"]);
        }

        string? Str(string name, out bool present)
        {
            present = input.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;
            if (!present)
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.String)
            {
                return v.GetString();
            }

            problems.Add($"{name}: not a string (got {v.GetRawText()})");
            return null;
        }

        var known = new HashSet<string>(StringComparer.Ordinal) { "pointInTime", "tier", "mode" };
        foreach (var p in input.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            problems.Add($"{p.Name}: unknown field (allowed pointInTime, tier, mode)");
        }

        var tier = Str("tier", out var tierPresent) ?? (tierPresent ? null : defaultTier);
        if (tier is not null && !tiers.Contains(tier))
        {
            problems.Add($"tier: unknown tier (got '{tier}', allowed {string.Join(" | ", tiers)})");
        }

        var mode = Str("mode", out var modePresent);
        if (!modePresent)
        {
            problems.Add($"mode: required (got nothing, allowed {Drill} | {Incident})");
        }
        else if (mode is not null && mode != Drill && mode != Incident)
        {
            problems.Add($"mode: unknown mode (got '{mode}', allowed {Drill} | {Incident})");
        }

        var point = Str("pointInTime", out var pointPresent);
        DateTimeOffset? time = null;
        if (!pointPresent)
        {
            problems.Add("pointInTime: required (got nothing, allowed \"latest\" or an ISO-8601 UTC time such as 2026-11-28T15:46:59Z)");
        }
        else if (point is not null && point != Latest)
        {
            if (point.EndsWith('Z') && DateTimeOffset.TryParse(point, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var t))
            {
                time = t;
            }
            else
            {
                problems.Add($"pointInTime: not \"latest\" or an ISO-8601 UTC time (got '{point}', allowed e.g. 2026-11-28T15:46:59Z)");
            }
        }

        return problems.Count > 0 || tier is null || mode is null
            ? (null, problems)
            : (new RecoveryInput { Tier = tier, Mode = mode, PointInTime = time }, problems);
    }
}
