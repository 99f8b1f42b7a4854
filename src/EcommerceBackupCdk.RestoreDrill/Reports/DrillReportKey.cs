using System.Globalization;

namespace EcommerceBackupCdk.RestoreDrill.Reports;

/// <summary>S3 key layout of drill reports: drills/yyyy/MM/dd/&lt;restoreJobId&gt;.json, dated by restore job creation (UTC).</summary>
public static class DrillReportKey
{
    public static string For(string restoreJobId, DateTimeOffset date) =>
        string.Create(CultureInfo.InvariantCulture, $"{BucketPrefixes.DrillReports}{date.UtcDateTime:yyyy'/'MM'/'dd}/{restoreJobId}.json");
}
