using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Reports;

namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>
/// Judges the whole store (every resource validated, newest order and newest cart inside [point − RPO, point]),
/// measures the full-stack RTO, writes the JSON and Markdown report and the EMF metrics.
/// </summary>
internal sealed class RecoveryReporter
{
    private readonly RecoverySettings _settings;
    private readonly StoreRecoveryDependencies _deps;

    public RecoveryReporter(RecoverySettings settings, StoreRecoveryDependencies deps)
    {
        _settings = settings;
        _deps = deps;
    }

    public async Task<object> ReportAsync(RecoveryPlan plan, IReadOnlyList<ResourceResult> results, string? failure, CancellationToken cancellationToken)
    {
        var tier = plan.Tier ?? _settings.Drill.Defaults.Tier;
        var target = _settings.Drill.Tiers[tier];
        var now = _deps.Clock.GetUtcNow();
        var checks = new List<DrillCheck>();
        var point = plan.PointInTime!.Value;
        var lower = point.AddSeconds(-target.RpoSeconds);
        foreach (var r in results.Where(r => r.NewestRecordAt is not null && r.Resource.Kind != RecoveryKinds.S3))
        {
            var newest = r.NewestRecordAt!.Value;
            var name = $"consistency.{r.Resource.SourceName}";
            var what = r.Resource.Kind == RecoveryKinds.DynamoDb ? "newest cart/session" : "newest order";
            checks.Add(newest > point
                ? DrillCheck.Fail(name, $"{what} in '{r.Resource.RestoredName}' is {Iso(newest)}, after the point in time {Iso(point)}; the restore did not stop at the common point")
                : newest < lower
                    ? DrillCheck.Fail(name, $"{what} in '{r.Resource.RestoredName}' is {Iso(newest)}, more than the {tier} RPO ({target.RpoSeconds} s) before the point in time {Iso(point)}; data stopped being written or the layers are not consistent")
                    : DrillCheck.Pass(name, $"{what} in '{r.Resource.RestoredName}' is {Iso(newest)}, within [{Iso(lower)}, {Iso(point)}]"));
        }

        foreach (var r in results.Where(r => r.Resource.Kind == RecoveryKinds.S3))
        {
            checks.Add(DrillCheck.Skip($"pointInTime.{r.Resource.SourceName}", $"S3 was restored from its continuous recovery point through AWS Backup with RestoreTime {Iso(point)}; DescribeRestoreJob does not report the time a bucket was restored to, so it is not verified"));
        }

        var expected = plan.Resources.Count;
        var passed = results.Count(r => r.Status == ResourceResult.Passed);
        checks.Add(passed == expected && failure is null
            ? DrillCheck.Pass("recovery.allResources", $"{passed} of {expected} resources restored and validated")
            : DrillCheck.Fail("recovery.allResources", $"{passed} of {expected} resources restored and validated{(failure is null ? string.Empty : "; the run failed: " + failure)}"));

        long? fullStack = results.Count == expected && results.All(r => r.ValidatedAt is not null) && plan.StartedAt is { } started && expected > 0
            ? (long)Math.Ceiling((results.Max(r => r.ValidatedAt!.Value) - started).TotalSeconds)
            : null;
        if (fullStack is { } rto)
        {
            checks.Add(rto <= target.RtoSeconds
                ? DrillCheck.Pass("target.fullStackRto", $"whole store recovered in {rto} s (RTO target {target.RtoSeconds} s)")
                : DrillCheck.Fail("target.fullStackRto", $"whole store recovered in {rto} s, over the {tier} RTO target of {target.RtoSeconds} s"));
        }

        var ok = checks.All(c => c.Status != DrillCheck.Failed) && results.All(r => r.Status == ResourceResult.Passed);
        var cleanPoints = new List<CleanRecoveryPoint>();
        foreach (var resource in plan.Resources.Where(r => ScannedKinds.Contains(r.Kind)))
        {
            cleanPoints.Add(await CleanPointAsync(resource.SourceArn, point, cancellationToken).ConfigureAwait(false));
        }

        var report = new RecoveryReport
        {
            Store = _settings.Drill.StoreName,
            Tier = tier,
            Mode = plan.Mode ?? RecoveryInput.Drill,
            ExecutionName = plan.ExecutionName ?? "unknown",
            PointInTime = point,
            LatestRequested = plan.Latest,
            StartedAt = plan.StartedAt,
            FinishedAt = now,
            FullStackRtoSeconds = fullStack,
            RtoTargetSeconds = target.RtoSeconds,
            RpoTargetSeconds = target.RpoSeconds,
            Result = ok ? "SUCCEEDED" : "FAILED",
            Resources = results,
            Checks = checks,
            Skipped = plan.Skipped,
            CleanPoints = cleanPoints,
            CutoverSteps = plan.Mode == RecoveryInput.Incident ? Cutover(results) : [],
            Failure = failure,
        };

        var day = (plan.StartedAt ?? now).UtcDateTime;
        var key = $"{BucketPrefixes.RecoveryReports}{day:yyyy/MM/dd}/{report.ExecutionName}";
        var json = JsonSerializer.Serialize(report, StoreRecoveryHandler.Json);
        await PutAsync($"{key}.json", json, "application/json", cancellationToken).ConfigureAwait(false);
        await PutAsync($"{key}.md", Markdown(report), "text/markdown", cancellationToken).ConfigureAwait(false);
        await PutAsync(BucketPrefixes.LatestRecoveryReport, json, "application/json", cancellationToken).ConfigureAwait(false);

        foreach (var r in results.Where(r => r.RtoSeconds is not null))
        {
            Emf(new Dictionary<string, string> { [RecoveryMetricNames.StoreDimension] = report.Store, [RecoveryMetricNames.ResourceDimension] = r.Resource.SourceName }, [(RecoveryMetricNames.ResourceRtoSeconds, r.RtoSeconds!.Value)], report.ExecutionName, now);
        }

        var storeMetrics = new List<(string, double)> { (RecoveryMetricNames.Success, ok ? 1 : 0) };
        if (fullStack is { } measured)
        {
            storeMetrics.Add((RecoveryMetricNames.FullStackRtoSeconds, measured));
        }

        Emf(new Dictionary<string, string> { [RecoveryMetricNames.StoreDimension] = report.Store, [RecoveryMetricNames.TierDimension] = tier }, storeMetrics, report.ExecutionName, now);
        return new { passed = ok, fullStackRtoSeconds = fullStack, reportKey = $"{key}.json", markdownKey = $"{key}.md" };
    }

    /// <summary>
    /// Kinds store recovery restores whose recovery points GuardDuty Malware Protection for AWS Backup scans: ListScanJobs
    /// ByResourceType "Valid Values: EBS | EC2 | S3" (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ListScanJobs.html),
    /// so of DynamoDB, RDS, Aurora and S3 only S3.
    /// </summary>
    private static readonly HashSet<string> ScannedKinds = new(StringComparer.Ordinal) { RecoveryKinds.S3 };

    private async Task<CleanRecoveryPoint> CleanPointAsync(string sourceArn, DateTimeOffset point, CancellationToken cancellationToken)
    {
        IReadOnlyList<ScanJobSummary> scans;
        try
        {
            scans = await _deps.RecoveryBackup.ListCompletedScanJobsAsync(sourceArn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AwsServiceException or AwsClientException)
        {
            // Recorded in the report (not swallowed): the restore itself is done; failing the report here would lose it.
            return new CleanRecoveryPoint { SourceArn = sourceArn, Status = CleanRecoveryPoint.LookupFailed, Detail = $"ListScanJobs failed, the last clean recovery point is unknown: {e.Message}" };
        }

        return JudgeCleanPoint(sourceArn, scans, point);
    }

    /// <summary>
    /// The newest completed NO_THREATS_FOUND scan names the last clean recovery point (ScanJob "ScanResult":
    /// "ScanResultStatus" NO_THREATS_FOUND | THREATS_FOUND, https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ScanJob.html);
    /// a THREATS_FOUND scan completed at or after it, with the point in time after the clean scan, is flagged.
    /// </summary>
    internal static CleanRecoveryPoint JudgeCleanPoint(string sourceArn, IReadOnlyList<ScanJobSummary> scans, DateTimeOffset point)
    {
        var completed = scans.Where(s => s.State is null or "COMPLETED" && s.CompletionDate is not null).ToList();
        if (completed.Count == 0)
        {
            return new CleanRecoveryPoint
            {
                SourceArn = sourceArn,
                Status = CleanRecoveryPoint.NotScanned,
                Detail = "not scanned: no completed malware scan of its recovery points (ListScanJobs covers the last 30 days; scanning is optional)",
            };
        }

        var clean = completed.Where(s => s.ScanResultStatus == "NO_THREATS_FOUND").MaxBy(s => s.CompletionDate);
        if (clean is null)
        {
            var newest = completed.MaxBy(s => s.CompletionDate)!;
            return new CleanRecoveryPoint
            {
                SourceArn = sourceArn,
                Status = CleanRecoveryPoint.NoCleanPoint,
                ThreatsRecoveryPointArn = completed.Where(s => s.ScanResultStatus == "THREATS_FOUND").MaxBy(s => s.CompletionDate)?.RecoveryPointArn,
                Detail = $"no clean recovery point: none of {completed.Count} completed scan(s) found no threats; newest scan {Iso(newest.CompletionDate)} of {newest.RecoveryPointArn} ({newest.ScanResultStatus ?? "no result"})",
            };
        }

        var cleanAt = clean.CompletionDate!.Value;
        var threats = completed.Where(s => s.ScanResultStatus == "THREATS_FOUND" && s.CompletionDate >= cleanAt).MaxBy(s => s.CompletionDate);
        if (threats is not null && point > cleanAt)
        {
            return new CleanRecoveryPoint
            {
                SourceArn = sourceArn,
                Status = CleanRecoveryPoint.ThreatsAfterClean,
                RecoveryPointArn = clean.RecoveryPointArn,
                ScannedAt = cleanAt,
                ThreatsRecoveryPointArn = threats.RecoveryPointArn,
                Detail = $"point in time {Iso(point)} is after the last clean recovery point {Iso(cleanAt)} ({clean.RecoveryPointArn}); a scan found threats in {threats.RecoveryPointArn} at {Iso(threats.CompletionDate)}",
            };
        }

        return new CleanRecoveryPoint
        {
            SourceArn = sourceArn,
            Status = CleanRecoveryPoint.Clean,
            RecoveryPointArn = clean.RecoveryPointArn,
            ScannedAt = cleanAt,
            Detail = $"last clean recovery point {clean.RecoveryPointArn}, scan without threats completed {Iso(cleanAt)}",
        };
    }

    private static List<string> Cutover(IReadOnlyList<ResourceResult> results)
    {
        var steps = new List<string> { "Put the store into maintenance mode so no new orders are written to the damaged sources." };
        foreach (var r in results.Where(r => r.Status == ResourceResult.Passed))
        {
            var p = r.Resource;
            steps.Add(p.Kind switch
            {
                RecoveryKinds.RdsInstance or RecoveryKinds.AuroraCluster => $"Point the application's database host from '{p.SourceName}' to '{r.Endpoint}' ({p.RestoredName}); attach the production security group and parameter group to it; set its backup retention and deletion protection like the source.",
                RecoveryKinds.DynamoDb => $"Switch the table name from '{p.SourceName}' to '{p.RestoredName}' in the application config; enable point-in-time recovery and add the tier tag on it (restores do not copy them).",
                _ => $"Switch the media/invoice bucket from '{p.SourceName}' to '{p.RestoredName}' (CDN origin, application config); enable versioning and add the tier tag.",
            });
        }

        steps.Add("Smoke-test checkout end to end, then leave maintenance mode; keep the damaged sources until the incident review is closed.");
        return steps;
    }

    private static string Markdown(RecoveryReport r)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Store recovery {r.Result}: {r.Store} ({r.Tier}, {r.Mode})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Execution: `{r.ExecutionName}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Point in time: {Iso(r.PointInTime)}{(r.LatestRequested ? " (latest common point)" : string.Empty)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Full-stack RTO: {(r.FullStackRtoSeconds is { } s ? $"{s} s" : "not measured")} (target {r.RtoTargetSeconds} s); RPO target {r.RpoTargetSeconds} s");
        md.AppendLine();
        md.AppendLine("| Resource | Restored as | Endpoint | Status | RTO (s) | Records | Newest record |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var x in r.Resources)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {x.Resource.SourceArn} | {x.Resource.RestoredName} | {x.Endpoint} | {x.Status} | {x.RtoSeconds} | {x.RecordCount} | {Iso(x.NewestRecordAt)} |");
        }

        md.AppendLine();
        md.AppendLine("## Checks");
        foreach (var c in r.Checks.Concat(r.Resources.SelectMany(x => x.Checks.Select(c => c with { Name = $"{x.Resource.SourceName}: {c.Name}" }))))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {c.Status} `{c.Name}`: {c.Detail}");
        }

        if (r.CleanPoints.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Last clean recovery point");
            foreach (var c in r.CleanPoints)
            {
                var flag = c.Status == CleanRecoveryPoint.ThreatsAfterClean ? "**FLAGGED** " : string.Empty;
                md.AppendLine(CultureInfo.InvariantCulture, $"- {flag}{c.SourceArn}: {c.Detail}");
            }
        }

        if (r.CutoverSteps.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Cutover");
            var n = 1;
            foreach (var step in r.CutoverSteps)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"{n++}. {step}");
            }
        }

        if (r.Skipped.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Not restored");
            foreach (var skipped in r.Skipped)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {skipped}");
            }
        }

        return md.ToString();
    }

    private async Task PutAsync(string key, string body, string contentType, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        await _deps.S3.PutObjectAsync(new PutObjectRequest { BucketName = _settings.Drill.ReportBucket, Key = key, InputStream = stream, ContentType = contentType }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One CloudWatch Embedded Metric Format line.</summary>
    private void Emf(Dictionary<string, string> dimensions, IReadOnlyList<(string Name, double Value)> metrics, string execution, DateTimeOffset now)
    {
        var doc = new Dictionary<string, object>
        {
            ["_aws"] = new Dictionary<string, object>
            {
                ["Timestamp"] = now.ToUnixTimeMilliseconds(),
                ["CloudWatchMetrics"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["Namespace"] = RecoveryMetricNames.Namespace,
                        ["Dimensions"] = new[] { dimensions.Keys.ToArray() },
                        ["Metrics"] = metrics.Select(m => new Dictionary<string, string> { ["Name"] = m.Name, ["Unit"] = m.Name == RecoveryMetricNames.Success ? "Count" : "Seconds" }).ToArray(),
                    },
                },
            },
            ["Execution"] = execution,
        };
        foreach (var (k, v) in dimensions)
        {
            doc[k] = v;
        }

        foreach (var (name, value) in metrics)
        {
            doc[name] = value;
        }

        _deps.Output.WriteLine(JsonSerializer.Serialize(doc));
        _deps.Output.Flush();
    }

    private static string Iso(DateTimeOffset? t) => t is { } v ? RecoverySettings.Iso(v) : "-";
}
