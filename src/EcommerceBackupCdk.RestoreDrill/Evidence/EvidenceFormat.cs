using System.Globalization;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>Shared wording of the renderers: durations, times, verdicts.</summary>
internal static class EvidenceFormat
{
    public static string Duration(long? seconds)
    {
        if (seconds is not { } s)
        {
            return "—";
        }

        // Whole units read as targets do ("30 min", "4 h", "1 d"); measured values keep their seconds.
        var t = TimeSpan.FromSeconds(s);
        return t.TotalDays >= 1 && t.Hours == 0 && t.Minutes == 0 && t.Seconds == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(long)t.TotalDays} d")
            : t.TotalHours >= 1 && t.Minutes == 0 && t.Seconds == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(long)t.TotalHours} h")
            : t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(long)t.TotalHours} h {t.Minutes:D2} min")
            : t.TotalMinutes >= 1 && t.Seconds == 0 ? string.Create(CultureInfo.InvariantCulture, $"{t.Minutes} min")
            : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.Minutes} min {t.Seconds:D2} s")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Seconds} s");
    }

    public static string Time(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Met(bool? met) => met switch { true => "met", false => "MISSED", null => "not measured" };

    public static string Verdict(string verdict) => verdict switch
    {
        TierEvidence.Met => "Targets met",
        TierEvidence.Attention => "Needs attention",
        _ => "No evidence",
    };

    public static string Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";
}
