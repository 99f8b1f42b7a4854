using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>
/// Reads AWS Backup Audit Manager report files. JSON reports are <c>{"reportItems":[{...}]}</c> with the field names
/// of the AWS Backup developer guide ("Choosing your report template"); CSV reports carry the same fields as columns.
/// AWS does not document the CSV header spelling, so headers are matched after dropping case, spaces and
/// punctuation: <c>controlComplianceStatus</c>, <c>Control Compliance Status</c> and <c>control_compliance_status</c>
/// are the same column. Rows are recognised by their fields, not by the file name.
/// </summary>
public static class AuditReportParser
{
    public static AuditReportContent Parse(string key, string text)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);
        var rows = key.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? CsvRows(text) : JsonRows(text);
        var controls = new List<ControlComplianceItem>();
        var resources = new List<ResourceComplianceItem>();
        var jobs = new List<BackupJobItem>();
        foreach (var row in rows)
        {
            string? Get(string field) => row.TryGetValue(Normalize(field), out var v) && v.Length > 0 ? v : null;

            if (Get("controlComplianceStatus") is { } controlStatus)
            {
                controls.Add(new ControlComplianceItem
                {
                    FrameworkName = Get("frameworkName") ?? string.Empty,
                    ControlName = Get("controlName") ?? string.Empty,
                    Status = controlStatus,
                    LastEvaluationTime = Time(Get("lastEvaluationTime")),
                    ResourcesCompliant = Int(Get("numResourcesCompliant")),
                    ResourcesNonCompliant = Int(Get("numResourcesNonCompliant")),
                    Parameters = Get("controlParameters"),
                    AccountId = Get("accountId"),
                    Region = Get("region"),
                    ReportKey = key,
                });
            }
            else if (Get("resourceComplianceStatus") is { } resourceStatus)
            {
                resources.Add(new ResourceComplianceItem
                {
                    FrameworkName = Get("frameworkName") ?? string.Empty,
                    ControlName = Get("controlName") ?? string.Empty,
                    ResourceId = Get("resourceId") ?? string.Empty,
                    ResourceType = Get("resourceType"),
                    Status = resourceStatus,
                    LastEvaluationTime = Time(Get("lastEvaluationTime")),
                    ReportKey = key,
                });
            }
            else if ((Get("copyJobId"), Get("restoreJobId"), Get("backupJobId")) is var (copy, restore, backup) && (copy ?? restore ?? backup) is { } jobId)
            {
                jobs.Add(new BackupJobItem
                {
                    Kind = copy is not null ? BackupJobItem.Copy : restore is not null ? BackupJobItem.Restore : BackupJobItem.Backup,
                    JobId = jobId,
                    Status = Get("jobStatus") ?? "UNKNOWN",
                    ResourceArn = Get("resourceArn") ?? Get("sourceResourceArn"),
                    ResourceType = Get("resourceType"),
                    CreationDate = Time(Get("creationDate")),
                    CompletionDate = Time(Get("completionDate")),
                    DestinationVaultArn = Get("destinationBackupVaultArn"),
                    ReportKey = key,
                });
            }
        }

        return new AuditReportContent { Controls = controls, Resources = resources, Jobs = jobs };
    }

    private static List<Dictionary<string, string>> JsonRows(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var items = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("reportItems", out var list) ? list
            : doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement
            : default;
        if (items.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return items.EnumerateArray()
            .Where(i => i.ValueKind == JsonValueKind.Object)
            .Select(i => i.EnumerateObject().ToDictionary(p => Normalize(p.Name), p => p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString() ?? string.Empty,
                JsonValueKind.Null => string.Empty,
                _ => p.Value.GetRawText(),
            }))
            .ToList();
    }

    private static List<Dictionary<string, string>> CsvRows(string text)
    {
        var rows = CsvText.Parse(text.TrimStart('\uFEFF'));
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0].Select(Normalize).ToList();
        return rows.Skip(1)
            .Select(r => header.Select((h, i) => (h, v: i < r.Count ? r[i] : string.Empty)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().v))
            .ToList();
    }

    internal static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;

    private static int? Int(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
