using System.Globalization;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>A calendar month (UTC) the index covers, written <c>yyyy-MM</c>.</summary>
public sealed record EvidencePeriod(int Year, int Month)
{
    public DateTimeOffset From => new(Year, Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Exclusive end.</summary>
    public DateTimeOffset To => From.AddMonths(1);

    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public bool Contains(DateTimeOffset time) => time >= From && time < To;

    /// <summary>The month before the one <paramref name="now"/> falls in: what the monthly run on the 1st indexes.</summary>
    public static EvidencePeriod PreviousMonth(DateTimeOffset now)
    {
        var first = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-1);
        return new EvidencePeriod(first.Year, first.Month);
    }

    public static bool TryParse(string? text, out EvidencePeriod period)
    {
        period = null!;
        if (text is null || !DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return false;
        }

        period = new EvidencePeriod(d.Year, d.Month);
        return true;
    }

    public override string ToString() => Key;
}
