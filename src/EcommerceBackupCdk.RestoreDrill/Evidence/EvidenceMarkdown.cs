using System.Globalization;
using System.Text;
using static EcommerceBackupCdk.RestoreDrill.Evidence.EvidenceFormat;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>The Markdown form of the index, for reading in a repository or a ticket.</summary>
public static class EvidenceMarkdown
{
    public static string Render(EvidenceIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        string Cell(string? text) => (text ?? "—").Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

        Line($"# Backup evidence — {index.Store} — {index.Period}");
        Line();
        Line($"Period {Date(index.From)} to {Date(index.To.AddDays(-1))} (UTC). Generated {Time(index.GeneratedAt)} from s3://{index.Bucket}.");
        Line();
        Line("## Summary by tier");
        Line();
        Line("| Tier | RPO target | RTO target | Retention | Controls (compliant / non-compliant) | Drills (passed / run) | Worst restore | Worst data loss | Verdict |");
        Line("|---|---|---|---|---|---|---|---|---|");
        foreach (var t in index.Tiers)
        {
            Line($"| {t.Tier} | {Duration(t.Targets.RpoSeconds)} | {Duration(t.Targets.RtoSeconds)} | {t.Targets.RetentionDays} d | {t.ControlsCompliant} / {t.ControlsNonCompliant} | {t.DrillsSucceeded} / {t.DrillsRun} | {Duration(t.WorstRestoreSeconds)} | {Duration(t.WorstDataFreshnessSeconds)} | **{Verdict(t.Verdict)}** |");
        }

        foreach (var t in index.Tiers)
        {
            Line();
            Line($"### Tier {t.Tier}");
            Line();
            Line($"- Rules: {(t.Targets.Rules.Count == 0 ? "—" : string.Join("; ", t.Targets.Rules))}");
            Line($"- Copies: {(t.Targets.Copies.Count == 0 ? "none" : string.Join("; ", t.Targets.Copies))}");
            Line($"- Audit Manager framework: {t.Framework ?? "—"}");
            foreach (var f in t.Findings)
            {
                Line($"- Finding: {f}");
            }
        }

        Line();
        Line("## Latest control compliance");
        Line();
        Line("| Framework | Control | Status | Resources compliant / non-compliant | Last evaluation | Parameters |");
        Line("|---|---|---|---|---|---|");
        foreach (var c in index.Controls)
        {
            Line($"| {Cell(c.Framework)} | {Cell(c.Control)} | **{Cell(c.Status)}** | {Number(c.ResourcesCompliant)} / {Number(c.ResourcesNonCompliant)} | {Time(c.LastEvaluation)} | {Cell(string.IsNullOrEmpty(c.Parameters) ? "—" : c.Parameters)} |");
        }

        if (index.NonCompliantResources.Count > 0)
        {
            Line();
            Line("Non-compliant resources:");
            Line();
            foreach (var r in index.NonCompliantResources)
            {
                Line($"- {r.ResourceId} ({r.ResourceType}) — {r.ControlName} in {r.FrameworkName}");
            }
        }

        Line();
        Line("## Restore drills of the period");
        Line();
        Line("| Tier | Resource | Validated | Restore time (RTO) | Recovery point age | Data loss (RPO) | Records | Result |");
        Line("|---|---|---|---|---|---|---|---|");
        foreach (var d in index.Drills)
        {
            Line($"| {d.Tier} | {Cell(d.ResourceType)} {Cell(d.SourceResourceArn)} | {Time(d.ValidatedAt)} | {Duration(d.RestoreSeconds)} of {Duration(d.RtoTargetSeconds)} ({Met(d.RtoMet)}) | {Duration(d.RecoveryPointAgeSeconds)} | {Duration(d.DataFreshnessSeconds)} of {Duration(d.RpoTargetSeconds)} ({Met(d.RpoMet)}) | {Number(d.RecordCount)} | **{d.Result}** |");
        }

        Line();
        Line("## Store recovery");
        Line();
        if (index.LastStoreRecovery is { } rec)
        {
            Line($"Last measured full-stack RTO: **{Duration(rec.FullStackRtoSeconds)}** of the {rec.Tier} target {Duration(rec.RtoTargetSeconds)} ({Met(rec.RtoMet)}) — `{rec.ExecutionName}` ({rec.Mode}, finished {Time(rec.FinishedAt)}, point in time {Time(rec.PointInTime)}), **{rec.Result}**; report `s3://{index.DrillBucket}/{rec.ReportKey}`.");
        }
        else
        {
            Line("No store recovery has run yet (recovery/latest.json is missing from the drill report bucket); the quarterly drill writes it.");
        }

        Line();
        Line("## Jobs and copies");
        Line();
        Line($"- Backup jobs: {index.BackupJobs.Completed} completed, {index.BackupJobs.Failed} failed, {index.BackupJobs.Other} other");
        Line($"- Copy jobs: {index.CopyJobs.Completed} completed, {index.CopyJobs.Failed} failed, {index.CopyJobs.Other} other");
        foreach (var c in index.CopiesByDestination)
        {
            Line($"  - to {c.DestinationVaultArn}: {c.Completed} completed, {c.Failed} failed");
        }

        Line($"- Restore jobs: {index.RestoreJobs.Completed} completed, {index.RestoreJobs.Failed} failed, {index.RestoreJobs.Other} other");

        Line();
        Line("## Raw evidence");
        Line();
        Line($"- CloudTrail digest files: {index.TrailDigests.Count} ({string.Join(", ", index.TrailDigests.Regions)}); first `{index.TrailDigests.First ?? "—"}`, last `{index.TrailDigests.Last ?? "—"}`. Verify with `aws cloudtrail validate-logs`.");
        Line($"- Drill reports ({index.DrillReportKeys.Count}):");
        foreach (var k in index.DrillReportKeys)
        {
            Line($"  - `s3://{index.DrillBucket}/{k}`");
        }

        Line($"- Audit Manager reports ({index.AuditReportKeys.Count}):");
        foreach (var k in index.AuditReportKeys)
        {
            Line($"  - `s3://{index.Bucket}/{k}`");
        }

        foreach (var u in index.Unreadable)
        {
            Line($"- Unreadable: {u}");
        }

        return md.ToString();
    }
}
