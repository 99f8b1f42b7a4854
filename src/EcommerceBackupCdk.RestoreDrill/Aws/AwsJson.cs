using System.Globalization;
using System.Text.Json;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>Readers for AWS JSON answers: timestamps come as epoch seconds (REST-JSON default) or ISO-8601.</summary>
internal static class AwsJson
{
    public static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    public static long? Long(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    public static DateTimeOffset? Timestamp(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v))
        {
            return null;
        }

        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(v.GetDouble() * 1000));
            case JsonValueKind.String:
                var s = v.GetString();
                if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    return parsed;
                }

                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
                }

                throw new FormatException($"'{name}' is not a timestamp: {s}");
            case JsonValueKind.Null:
                return null;
            default:
                throw new FormatException($"'{name}' is not a timestamp: {v.GetRawText()}");
        }
    }
}
