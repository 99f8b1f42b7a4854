using System.Globalization;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>Reads an order/cart time: ISO-8601 text (no offset = UTC) or epoch seconds / milliseconds.</summary>
public static class RecordTimestamp
{
    private const double MillisecondsThreshold = 100_000_000_000; // epoch seconds pass this only in year 5138

    public static bool TryParse(string? text, bool isNumber, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (isNumber || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number) || number < 0)
            {
                return false;
            }

            var ms = number >= MillisecondsThreshold ? number : number * 1000;
            if (ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                return false;
            }

            value = DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
