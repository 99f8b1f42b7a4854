using System.Net;
using System.Text;
using static EcommerceBackupCdk.RestoreDrill.Evidence.EvidenceFormat;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>
/// The printable form of the index: one self-contained HTML page (no scripts, fonts or images from elsewhere), A4
/// print layout with repeated table headers, status shown in words as well as colour so it survives black-and-white
/// printing.
/// </summary>
public static class EvidenceHtml
{
    private const string Style = """
        @page { size: A4; margin: 16mm 14mm 18mm 14mm; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10pt; color: #1b1f24; margin: 0; padding: 24px 32px; background: #fff; }
        header { border-bottom: 3px solid #1f3a5f; padding-bottom: 10px; margin-bottom: 16px; }
        header .kicker { text-transform: uppercase; letter-spacing: .12em; font-size: 8pt; color: #5a6b7d; }
        h1 { font-size: 20pt; margin: 4px 0 6px; color: #1f3a5f; }
        h2 { font-size: 13pt; color: #1f3a5f; border-bottom: 1px solid #c9d3dd; padding-bottom: 3px; margin: 22px 0 8px; page-break-after: avoid; }
        h3 { font-size: 11pt; margin: 14px 0 4px; page-break-after: avoid; }
        .meta { display: flex; flex-wrap: wrap; gap: 6px 28px; font-size: 9pt; color: #3d4a57; }
        .meta b { color: #1b1f24; }
        .cards { display: flex; gap: 10px; margin: 10px 0 4px; }
        .card { flex: 1; border: 1px solid #c9d3dd; border-radius: 6px; padding: 10px 12px; page-break-inside: avoid; }
        .card .tier { font-weight: bold; font-size: 12pt; text-transform: capitalize; }
        .card .targets { font-size: 9pt; color: #3d4a57; margin: 4px 0 8px; }
        .badge { display: inline-block; border-radius: 3px; padding: 1px 7px; font-size: 8.5pt; font-weight: bold; border: 1px solid; white-space: nowrap; }
        .ok { color: #0f5d2e; background: #e3f4e8; border-color: #7cc192; }
        .bad { color: #8a1c1c; background: #fbe7e7; border-color: #e39a9a; }
        .warn { color: #7a4d00; background: #fdf3dc; border-color: #e5c170; }
        table { width: 100%; border-collapse: collapse; margin: 6px 0 10px; font-size: 8.8pt; }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; }
        th { background: #eef2f6; color: #1f3a5f; text-align: left; font-weight: bold; border-bottom: 2px solid #c9d3dd; padding: 5px 6px; }
        td { border-bottom: 1px solid #e3e8ee; padding: 4px 6px; vertical-align: top; }
        td.num { text-align: right; white-space: nowrap; }
        code, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 8pt; word-break: break-all; }
        ul { margin: 4px 0 8px 18px; padding: 0; }
        li { margin: 2px 0; }
        .finding { color: #8a1c1c; }
        .muted { color: #5a6b7d; }
        footer { margin-top: 24px; border-top: 1px solid #c9d3dd; padding-top: 6px; font-size: 8pt; color: #5a6b7d; }
        @media print { body { padding: 0; } .cards { gap: 6px; } }
        """;

    public static string Render(EvidenceIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var h = new StringBuilder();
        void Raw(string s) => h.Append(s).Append('\n');
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "—");

        Raw("<!DOCTYPE html>");
        Raw("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        Raw($"<title>Backup evidence — {E(index.Store)} — {E(index.Period)}</title>");
        Raw($"<style>{Style}</style></head><body>");
        Raw("<header>");
        Raw("<div class=\"kicker\">Backup and recovery evidence</div>");
        Raw($"<h1>{E(index.Store)} — {E(Date(index.From).Split(' ', 2)[1])}</h1>");
        Raw("<div class=\"meta\">");
        Raw($"<span><b>Period</b> {E(Date(index.From))} – {E(Date(index.To.AddDays(-1)))} (UTC)</span>");
        Raw($"<span><b>Generated</b> {E(Time(index.GeneratedAt))}</span>");
        Raw($"<span><b>Evidence bucket</b> <span class=\"mono\">s3://{E(index.Bucket)}</span></span>");
        Raw($"<span><b>Schema</b> v{index.SchemaVersion}</span>");
        Raw("</div></header>");

        Raw("<h2>Summary by tier</h2>");
        Raw("<div class=\"cards\">");
        foreach (var t in index.Tiers)
        {
            Raw("<div class=\"card\">");
            Raw($"<div class=\"tier\">{E(t.Tier)}</div>");
            Raw($"<div class=\"targets\">RPO {E(Duration(t.Targets.RpoSeconds))} · RTO {E(Duration(t.Targets.RtoSeconds))} · kept {t.Targets.RetentionDays} d</div>");
            Raw($"<div>{Badge(t.Verdict)}</div>");
            Raw($"<div class=\"targets\">Controls {t.ControlsCompliant} compliant, {t.ControlsNonCompliant} non-compliant<br>Drills {t.DrillsSucceeded} of {t.DrillsRun} passed</div>");
            Raw("</div>");
        }

        Raw("</div>");
        Raw("<table><thead><tr><th>Tier</th><th>RPO target</th><th>RTO target</th><th>Retention</th><th>Worst restore (RTO)</th><th>Worst data loss (RPO)</th><th>Copies</th><th>Verdict</th></tr></thead><tbody>");
        foreach (var t in index.Tiers)
        {
            Raw($"<tr><td><b>{E(t.Tier)}</b></td><td class=\"num\">{E(Duration(t.Targets.RpoSeconds))}</td><td class=\"num\">{E(Duration(t.Targets.RtoSeconds))}</td><td class=\"num\">{t.Targets.RetentionDays} d</td>" +
                $"<td class=\"num\">{E(Duration(t.WorstRestoreSeconds))}</td><td class=\"num\">{E(Duration(t.WorstDataFreshnessSeconds))}</td><td>{E(t.Targets.Copies.Count == 0 ? "none" : string.Join("; ", t.Targets.Copies))}</td><td>{Badge(t.Verdict)}</td></tr>");
        }

        Raw("</tbody></table>");
        foreach (var t in index.Tiers.Where(t => t.Findings.Count > 0))
        {
            Raw($"<h3>Findings — {E(t.Tier)}</h3><ul>");
            foreach (var f in t.Findings)
            {
                Raw($"<li class=\"finding\">{E(f)}</li>");
            }

            Raw("</ul>");
        }

        Raw("<h2>Latest control compliance (AWS Backup Audit Manager)</h2>");
        if (index.Controls.Count == 0)
        {
            Raw("<p class=\"muted\">No control compliance report was delivered in the period.</p>");
        }
        else
        {
            Raw("<table><thead><tr><th>Framework</th><th>Control</th><th>Status</th><th>Resources compliant / non-compliant</th><th>Last evaluation</th><th>Parameters</th></tr></thead><tbody>");
            foreach (var c in index.Controls)
            {
                Raw($"<tr><td>{E(c.Framework)}</td><td class=\"mono\">{E(c.Control)}</td><td>{Status(c.Status)}</td><td class=\"num\">{E(Number(c.ResourcesCompliant))} / {E(Number(c.ResourcesNonCompliant))}</td><td class=\"num\">{E(Time(c.LastEvaluation))}</td><td class=\"mono\">{E(string.IsNullOrEmpty(c.Parameters) ? "—" : c.Parameters)}</td></tr>");
            }

            Raw("</tbody></table>");
        }

        if (index.NonCompliantResources.Count > 0)
        {
            Raw("<h3>Non-compliant resources</h3><table><thead><tr><th>Resource</th><th>Type</th><th>Control</th><th>Framework</th><th>Evaluated</th></tr></thead><tbody>");
            foreach (var r in index.NonCompliantResources)
            {
                Raw($"<tr><td class=\"mono\">{E(r.ResourceId)}</td><td>{E(r.ResourceType)}</td><td class=\"mono\">{E(r.ControlName)}</td><td>{E(r.FrameworkName)}</td><td class=\"num\">{E(Time(r.LastEvaluationTime))}</td></tr>");
            }

            Raw("</tbody></table>");
        }

        Raw("<h2>Restore drills of the period</h2>");
        if (index.Drills.Count == 0)
        {
            Raw("<p class=\"finding\">No restore drill ran in the period.</p>");
        }
        else
        {
            Raw("<table><thead><tr><th>Tier</th><th>Resource</th><th>Validated</th><th>Restore time vs RTO</th><th>Recovery point age</th><th>Data loss vs RPO</th><th>Records</th><th>Result</th></tr></thead><tbody>");
            foreach (var d in index.Drills)
            {
                Raw($"<tr><td>{E(d.Tier)}</td><td>{E(d.ResourceType)}<br><span class=\"mono muted\">{E(d.SourceResourceArn)}</span></td><td class=\"num\">{E(Time(d.ValidatedAt))}</td>" +
                    $"<td class=\"num\">{E(Duration(d.RestoreSeconds))} / {E(Duration(d.RtoTargetSeconds))}<br>{MetBadge(d.RtoMet)}</td><td class=\"num\">{E(Duration(d.RecoveryPointAgeSeconds))}</td>" +
                    $"<td class=\"num\">{E(Duration(d.DataFreshnessSeconds))} / {E(Duration(d.RpoTargetSeconds))}<br>{MetBadge(d.RpoMet)}</td><td class=\"num\">{E(Number(d.RecordCount))}</td><td>{Result(d.Result)}</td></tr>");
            }

            Raw("</tbody></table>");
        }

        Raw("<h2>Backup, copy and restore jobs</h2>");
        Raw("<table><thead><tr><th>Jobs</th><th>Completed</th><th>Failed</th><th>Other</th><th>Failed job ids</th></tr></thead><tbody>");
        foreach (var (name, s) in new[] { ("Backup", index.BackupJobs), ("Copy", index.CopyJobs), ("Restore", index.RestoreJobs) })
        {
            Raw($"<tr><td>{name}</td><td class=\"num\">{s.Completed}</td><td class=\"num\">{s.Failed}</td><td class=\"num\">{s.Other}</td><td class=\"mono\">{E(s.FailedJobIds.Count == 0 ? "—" : string.Join(", ", s.FailedJobIds))}</td></tr>");
        }

        Raw("</tbody></table>");
        if (index.CopiesByDestination.Count > 0)
        {
            Raw("<table><thead><tr><th>Copies to vault</th><th>Completed</th><th>Failed</th></tr></thead><tbody>");
            foreach (var c in index.CopiesByDestination)
            {
                Raw($"<tr><td class=\"mono\">{E(c.DestinationVaultArn)}</td><td class=\"num\">{c.Completed}</td><td class=\"num\">{c.Failed}</td></tr>");
            }

            Raw("</tbody></table>");
        }

        Raw("<h2>Raw evidence</h2>");
        Raw($"<p>CloudTrail digest files in the period: <b>{index.TrailDigests.Count}</b> ({E(index.TrailDigests.Regions.Count == 0 ? "none" : string.Join(", ", index.TrailDigests.Regions))}). " +
            "Each is signed by CloudTrail and chains to the previous one; <span class=\"mono\">aws cloudtrail validate-logs</span> proves no log file was changed or deleted.</p>");
        Raw($"<ul><li>First: <code>{E(index.TrailDigests.First)}</code></li><li>Last: <code>{E(index.TrailDigests.Last)}</code></li></ul>");
        Raw($"<h3>Drill reports ({index.DrillReportKeys.Count})</h3><ul>");
        foreach (var k in index.DrillReportKeys)
        {
            Raw($"<li><code>s3://{E(index.DrillBucket)}/{E(k)}</code></li>");
        }

        Raw($"</ul><h3>Audit Manager reports ({index.AuditReportKeys.Count})</h3><ul>");
        foreach (var k in index.AuditReportKeys)
        {
            Raw($"<li><code>s3://{E(index.Bucket)}/{E(k)}</code></li>");
        }

        Raw("</ul>");
        if (index.Unreadable.Count > 0)
        {
            Raw("<h3>Files that could not be read</h3><ul>");
            foreach (var u in index.Unreadable)
            {
                Raw($"<li class=\"finding\">{E(u)}</li>");
            }

            Raw("</ul>");
        }

        Raw("<footer>Every object referenced here is kept in the evidence bucket under S3 Object Lock (compliance mode): it cannot be changed or deleted before its retention date. " +
            $"This index was generated automatically; its JSON form is <span class=\"mono\">evidence-index/{E(index.Period)}/index.json</span>.</footer>");
        Raw("</body></html>");
        return h.ToString();
    }

    private static string Badge(string verdict) => verdict switch
    {
        TierEvidence.Met => $"<span class=\"badge ok\">✔ {Verdict(verdict)}</span>",
        TierEvidence.Attention => $"<span class=\"badge bad\">✖ {Verdict(verdict)}</span>",
        _ => $"<span class=\"badge warn\">? {Verdict(verdict)}</span>",
    };

    private static string Status(string status) => status switch
    {
        "COMPLIANT" => "<span class=\"badge ok\">COMPLIANT</span>",
        "NON_COMPLIANT" => "<span class=\"badge bad\">NON_COMPLIANT</span>",
        _ => $"<span class=\"badge warn\">{WebUtility.HtmlEncode(status)}</span>",
    };

    private static string Result(string result) => result switch
    {
        "SUCCEEDED" => "<span class=\"badge ok\">PASS</span>",
        "FAILED" => "<span class=\"badge bad\">FAIL</span>",
        _ => $"<span class=\"badge warn\">{WebUtility.HtmlEncode(result)}</span>",
    };

    private static string MetBadge(bool? met) => met switch
    {
        true => "<span class=\"badge ok\">met</span>",
        false => "<span class=\"badge bad\">MISSED</span>",
        null => "<span class=\"badge warn\">not measured</span>",
    };
}
