using System.Globalization;
using System.Text.RegularExpressions;

namespace EcommerceBackupCdk.Validation;

/// <summary>
/// Compact durations as used in config and messages: a whole number and a unit, <c>m</c> minutes, <c>h</c> hours,
/// <c>d</c> days, <c>w</c> weeks, <c>y</c> years of 365 days, e.g. <c>5m</c>, <c>35d</c>, <c>7y</c>.
/// </summary>
public static partial class DurationText
{
    /// <summary>What a duration may look like, for error messages.</summary>
    public const string Allowed = "a whole number with a unit m, h, d, w or y (365 d), e.g. '5m', '4h', '35d', '7y'";

    /// <summary>Parses a compact duration.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 1_000_000)
        {
            return false;
        }

        value = match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            "w" => TimeSpan.FromDays(7 * n),
            _ => TimeSpan.FromDays(365 * n),
        };
        return true;
    }

    /// <summary>Formats a duration in the largest unit that divides it exactly (years only for multiples of 365 days).</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return value == TimeSpan.Zero ? "0m" : "-" + Format(value.Negate());
        }

        if (value.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            return value.ToString("c", CultureInfo.InvariantCulture);
        }

        var minutes = (long)value.TotalMinutes;
        if (minutes % (60 * 24 * 365) == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{minutes / (60 * 24 * 365)}y");
        }

        if (minutes % (60 * 24) == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{minutes / (60 * 24)}d");
        }

        return minutes % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes}m");
    }

    [GeneratedRegex(@"^(\d+)([mhdwy])$")]
    private static partial Regex Pattern();

    /// <summary>Whether the duration is a whole number of days.</summary>
    internal static bool IsWholeDays(TimeSpan value) => value.Ticks % TimeSpan.TicksPerDay == 0;

    /// <summary>Whether the duration is a whole number of minutes.</summary>
    internal static bool IsWholeMinutes(TimeSpan value) => value.Ticks % TimeSpan.TicksPerMinute == 0;
}
