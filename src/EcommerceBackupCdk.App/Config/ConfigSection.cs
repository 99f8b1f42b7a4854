using System.Text.Json;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// One JSON object of the config, read through typed accessors that record problems instead of throwing. Every
/// accessor also records the key it asked for, so the keys a section knows are exactly the keys its reader reads:
/// <see cref="ReportUnknownKeys"/> reports every key nobody asked for, listing the known ones in the order they were
/// asked. There is no separate list of allowed keys to keep in step with the reads.
/// </summary>
internal sealed class ConfigSection
{
    private readonly JsonElement _element;
    private readonly List<string> _known = [];
    private readonly List<ConfigSection> _children = [];
    private bool _anyKey;

    private ConfigSection(JsonElement element, string path, ValidationProblems problems)
    {
        _element = element;
        Path = path;
        Problems = problems;
    }

    /// <summary>The config path of this object, e.g. <c>targets.critical</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>Where problems are recorded.</summary>
    public ValidationProblems Problems { get; }

    /// <summary>The root object of the config.</summary>
    public static ConfigSection Root(JsonElement root, ValidationProblems problems) => new(root, string.Empty, problems);

    /// <summary>The config path of a key of this object.</summary>
    public string KeyOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>Whether the key is written at all (even as <c>null</c>).</summary>
    public bool Has(string name)
    {
        Know(name);
        return _element.TryGetProperty(name, out _);
    }

    /// <summary>The raw value of a key, or null when it is missing or <c>null</c>; <paramref name="required"/> reports a missing one.</summary>
    public JsonElement? Value(string name, bool required = false)
    {
        Know(name);
        if (_element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Problems.Add(KeyOf(name), "is required", null, "a value");
        }

        return null;
    }

    /// <summary>A nested object, read as a section of its own.</summary>
    public ConfigSection? Section(string name, bool required = false)
    {
        if (Value(name, required) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(KeyOf(name), "must be an object", v.ValueKind.ToString(), "a JSON object");
            return null;
        }

        return Child(v, KeyOf(name));
    }

    /// <summary>
    /// A list of objects, each read as a section (<c>key[i]</c>); an item that is no object is reported with
    /// <paramref name="itemShape"/> and stands as null, so indexes stay those of the config.
    /// </summary>
    public IReadOnlyList<ConfigSection?>? Sections(string name, string itemShape)
    {
        if (Value(name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Problems.Add(KeyOf(name), "must be an array", v.ValueKind.ToString(), $"a list of {itemShape}");
            return null;
        }

        var items = new List<ConfigSection?>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            var key = $"{KeyOf(name)}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                Problems.Add(key, "must be an object", item.ValueKind.ToString(), itemShape);
                items.Add(null);
                continue;
            }

            items.Add(Child(item, key));
        }

        return items;
    }

    /// <summary>
    /// Every member of an object whose keys are names chosen by the user (rule names, alarm kinds): all of them are
    /// known, and the caller checks each.
    /// </summary>
    public IEnumerable<JsonProperty> Members()
    {
        _anyKey = true;
        return _element.EnumerateObject();
    }

    /// <summary>A member of <see cref="Members"/> read as a section of its own.</summary>
    public ConfigSection MemberSection(JsonProperty member) => Child(member.Value, KeyOf(member.Name));

    /// <summary>The keys written with a value other than <c>null</c>, except those named.</summary>
    public IEnumerable<JsonProperty> Written(params string[] except) =>
        _element.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null && !except.Contains(p.Name, StringComparer.Ordinal));

    /// <summary>The known keys that are written (<c>null</c> included), in the order they were asked for, except those named.</summary>
    public IEnumerable<string> WrittenKnown(params string[] except) =>
        _known.Where(k => !except.Contains(k, StringComparer.Ordinal) && _element.TryGetProperty(k, out _)).ToList();

    /// <summary>A string; <paramref name="required"/> reports a missing one.</summary>
    public string? String(string name, bool required = false)
    {
        if (Value(name, required) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Problems.Add(KeyOf(name), "must be a string", new JsonText(v), "a JSON string");
            return null;
        }

        return v.GetString();
    }

    /// <summary>A list of strings.</summary>
    public List<string>? Strings(string name)
    {
        if (Value(name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
        {
            Problems.Add(KeyOf(name), "must be a list of strings", new JsonText(v), "a JSON array of strings");
            return null;
        }

        return v.EnumerateArray().Select(x => x.GetString()!).ToList();
    }

    /// <summary>True or false.</summary>
    public bool? Bool(string name)
    {
        if (Value(name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind is not JsonValueKind.True and not JsonValueKind.False)
        {
            Problems.Add(KeyOf(name), "must be true or false", new JsonText(v), "true, false");
            return null;
        }

        return v.GetBoolean();
    }

    /// <summary>A whole number.</summary>
    public int? Int(string name)
    {
        if (Value(name) is not { } v)
        {
            return null;
        }

        // Context handed over by the CDK CLI goes through jsii, which writes every number as a double (7.0).
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || d != Math.Floor(d) || d is > int.MaxValue or < int.MinValue)
        {
            Problems.Add(KeyOf(name), "must be a whole number", new JsonText(v), "an integer");
            return null;
        }

        return (int)d;
    }

    /// <summary>A duration such as <c>35d</c> (<see cref="DurationText"/>); <paramref name="required"/> reports a missing one.</summary>
    public TimeSpan? Duration(string name, bool required = false)
    {
        if (String(name, required) is not { } text)
        {
            return null;
        }

        if (!DurationText.TryParse(text, out var value))
        {
            Problems.Add(KeyOf(name), "is not a duration", text, DurationText.Allowed);
            return null;
        }

        return value;
    }

    /// <summary>
    /// A string naming a member of <typeparamref name="T"/>, in any case (a number is no name); with
    /// <paramref name="values"/>, only those exact spellings.
    /// </summary>
    public T? Choice<T>(string name, string what, string allowed, params string[] values)
        where T : struct, Enum
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        var named = values.Length == 0
            ? Enum.GetNames<T>().Contains(text, StringComparer.OrdinalIgnoreCase)
            : values.Contains(text, StringComparer.Ordinal);
        if (named && Enum.TryParse<T>(text, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        Problems.Add(KeyOf(name), what, text, allowed);
        return null;
    }

    /// <summary>A tier name.</summary>
    public TierName? Tier(string name)
    {
        if (String(name) is not { } text)
        {
            return null;
        }

        if (TierNames.TryParse(text, out var tier))
        {
            return tier;
        }

        Problems.Add(KeyOf(name), "is not a tier", text, TierNames.Allowed);
        return null;
    }

    /// <summary>A list of tier names; names that are no tier are reported and left out.</summary>
    public List<TierName>? Tiers(string name) => List(name, "is not a tier", TierNames.Allowed, (string s, out TierName t) => TierNames.TryParse(s, out t));

    /// <summary>A list of names parsed by <paramref name="parse"/>; names it refuses are reported and left out.</summary>
    public List<T>? List<T>(string name, string what, string allowed, TryParse<T> parse)
    {
        if (Strings(name) is not { } texts)
        {
            return null;
        }

        var values = new List<T>();
        foreach (var text in texts)
        {
            if (parse(text, out var value))
            {
                values.Add(value);
            }
            else
            {
                Problems.Add(KeyOf(name), what, text, allowed);
            }
        }

        return values;
    }

    /// <summary>
    /// Refuses every key written (other than <c>enabled</c>) of a section that is switched off: it would do nothing. An
    /// <c>enabled</c> that is no boolean is reported as such; guessing it off would add noise.
    /// </summary>
    public void RefuseWhileDisabled(bool enabled)
    {
        if (enabled || (_element.TryGetProperty("enabled", out var e) && e.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)))
        {
            return;
        }

        foreach (var prop in Written("enabled"))
        {
            Problems.Add(KeyOf(prop.Name), $"does nothing while {KeyOf("enabled")} is false", new JsonText(prop.Value), $"no value, or {KeyOf("enabled")}: true");
        }
    }

    /// <summary>Reports the keys of this object and every section read from it that no reader asked for.</summary>
    public void ReportUnknownKeys()
    {
        if (!_anyKey)
        {
            foreach (var prop in _element.EnumerateObject().Where(p => !_known.Contains(p.Name, StringComparer.Ordinal)))
            {
                Problems.Add(KeyOf(prop.Name), "is not a known key", prop.Name, string.Join(", ", _known));
            }
        }

        foreach (var child in _children)
        {
            child.ReportUnknownKeys();
        }
    }

    internal delegate bool TryParse<T>(string text, out T value);

    private ConfigSection Child(JsonElement element, string path)
    {
        var child = new ConfigSection(element, path, Problems);
        _children.Add(child);
        return child;
    }

    private void Know(string name)
    {
        if (!_known.Contains(name, StringComparer.Ordinal))
        {
            _known.Add(name);
        }
    }
}
