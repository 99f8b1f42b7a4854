using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcommerceBackupCdk.RestoreDrill.Reports;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>
/// Builds the evidence index of a month from the evidence bucket: drill reports (<see cref="DrillReport"/> JSON under
/// <c>drills/yyyy/MM/</c>), Audit Manager reports (JSON and CSV under <c>backup-reports/</c>, dated by the
/// <c>yyyy/MM/dd</c> folders Audit Manager writes them into, else by their last-modified time) and CloudTrail digest
/// files (pointers only). Plain class: tested against a directory of sample files.
/// </summary>
public sealed partial class EvidenceIndexBuilder
{
    private static readonly string[] CompletedStatuses = ["COMPLETED"];
    private static readonly string[] FailedStatuses = ["FAILED", "ABORTED", "EXPIRED"];

    private readonly IEvidenceStore _store;
    private readonly IEvidenceStore _drillStore;
    private readonly EvidenceSettings _settings;
    private readonly TimeProvider _clock;

    /// <param name="store">The evidence bucket.</param>
    /// <param name="settings">Store, tiers and frameworks.</param>
    /// <param name="clock">Time of generation.</param>
    /// <param name="drillStore">Where drill reports live when not in the evidence bucket (the drill report bucket).</param>
    public EvidenceIndexBuilder(IEvidenceStore store, EvidenceSettings settings, TimeProvider? clock = null, IEvidenceStore? drillStore = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        _store = store;
        _drillStore = drillStore ?? store;
        _settings = settings;
        _clock = clock ?? TimeProvider.System;
    }

    public async Task<EvidenceIndex> BuildAsync(EvidencePeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var unreadable = new List<string>();

        var drills = new List<DrillEvidence>();
        var drillKeys = new List<string>();
        var drillPrefix = string.Create(CultureInfo.InvariantCulture, $"{BucketPrefixes.DrillReports}{period.Year:D4}/{period.Month:D2}/");
        foreach (var obj in await _drillStore.ListAsync(drillPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (!obj.Key.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                var report = DrillReportJson.Deserialize(await _drillStore.ReadTextAsync(obj.Key, cancellationToken).ConfigureAwait(false));
                drillKeys.Add(obj.Key);
                drills.Add(new DrillEvidence
                {
                    Tier = report.Tier,
                    ResourceType = report.ResourceType,
                    SourceResourceArn = report.SourceResourceArn,
                    RestoreJobId = report.RestoreJobId,
                    ValidatedAt = report.ValidatedAt,
                    RestoreSeconds = report.RestoreDurationSeconds,
                    RtoTargetSeconds = report.RtoTargetSeconds,
                    RecoveryPointAgeSeconds = report.RecoveryPointAgeSeconds,
                    DataFreshnessSeconds = report.DataFreshnessSeconds,
                    RpoTargetSeconds = report.MaxDataFreshnessSeconds,
                    RecordCount = report.RecordCount,
                    Result = report.Result,
                    Message = report.ValidationMessage,
                    ReportKey = obj.Key,
                });
            }
            catch (JsonException e)
            {
                unreadable.Add($"{obj.Key}: not a drill report ({e.Message})");
            }
        }

        StoreRecoveryEvidence? lastRecovery = null;
        const string latestRecovery = BucketPrefixes.LatestRecoveryReport;
        if ((await _drillStore.ListAsync(latestRecovery, cancellationToken).ConfigureAwait(false)).Any(o => o.Key == latestRecovery))
        {
            try
            {
                var r = JsonSerializer.Deserialize<Recovery.RecoveryReport>(await _drillStore.ReadTextAsync(latestRecovery, cancellationToken).ConfigureAwait(false), Recovery.StoreRecoveryHandler.Json)
                    ?? throw new JsonException("empty");
                lastRecovery = new StoreRecoveryEvidence
                {
                    ExecutionName = r.ExecutionName,
                    Mode = r.Mode,
                    Tier = r.Tier,
                    PointInTime = r.PointInTime,
                    FinishedAt = r.FinishedAt,
                    FullStackRtoSeconds = r.FullStackRtoSeconds,
                    RtoTargetSeconds = r.RtoTargetSeconds,
                    Result = r.Result,
                    ReportKey = latestRecovery,
                };
            }
            catch (JsonException e)
            {
                unreadable.Add($"{latestRecovery}: not a recovery report ({e.Message})");
            }
        }

        var controls = new List<ControlComplianceItem>();
        var resources = new List<ResourceComplianceItem>();
        var jobs = new List<BackupJobItem>();
        var reportKeys = new List<string>();
        foreach (var obj in await _store.ListAsync(BucketPrefixes.AuditReports, cancellationToken).ConfigureAwait(false))
        {
            var isJson = obj.Key.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
            if ((!isJson && !obj.Key.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) || !period.Contains(DateOf(obj)))
            {
                continue;
            }

            try
            {
                var content = AuditReportParser.Parse(obj.Key, await _store.ReadTextAsync(obj.Key, cancellationToken).ConfigureAwait(false));
                reportKeys.Add(obj.Key);
                controls.AddRange(content.Controls);
                resources.AddRange(content.Resources);
                jobs.AddRange(content.Jobs);
            }
            catch (JsonException e)
            {
                unreadable.Add($"{obj.Key}: not an Audit Manager report ({e.Message})");
            }
        }

        // In time order (the date folders), then by key: first and last are the ends of the period's chain.
        var digests = (await _store.ListAsync(BucketPrefixes.Trail, cancellationToken).ConfigureAwait(false))
            .Where(o => o.Key.Contains(EvidencePrefixes.DigestFolder, StringComparison.Ordinal) && period.Contains(DateOf(o)))
            .OrderBy(DateOf).ThenBy(o => o.Key[(o.Key.LastIndexOf('_') + 1)..], StringComparer.Ordinal)
            .Select(o => o.Key)
            .ToList();

        // Audit Manager delivers the same rows as CSV and JSON: one row per job / control evaluation.
        var latestControls = controls
            .GroupBy(c => (c.FrameworkName, c.ControlName))
            .Select(g => g.OrderByDescending(c => c.LastEvaluationTime ?? DateTimeOffset.MinValue).ThenBy(c => c.ReportKey, StringComparer.Ordinal).First())
            .Select(c => new ControlEvidence
            {
                Framework = c.FrameworkName,
                Tier = TierOf(c.FrameworkName),
                Control = c.ControlName,
                Status = c.Status,
                LastEvaluation = c.LastEvaluationTime,
                ResourcesCompliant = c.ResourcesCompliant,
                ResourcesNonCompliant = c.ResourcesNonCompliant,
                Parameters = c.Parameters,
                ReportKey = c.ReportKey,
            })
            .OrderBy(c => FrameworkOrder(c.Framework)).ThenBy(c => c.Framework, StringComparer.Ordinal).ThenBy(c => c.Control, StringComparer.Ordinal)
            .ToList();

        var nonCompliant = resources
            .GroupBy(r => (r.FrameworkName, r.ControlName, r.ResourceId))
            .Select(g => g.OrderByDescending(r => r.LastEvaluationTime ?? DateTimeOffset.MinValue).First())
            .Where(r => r.Status == "NON_COMPLIANT")
            .OrderBy(r => r.FrameworkName, StringComparer.Ordinal).ThenBy(r => r.ControlName, StringComparer.Ordinal).ThenBy(r => r.ResourceId, StringComparer.Ordinal)
            .ToList();

        var uniqueJobs = jobs.GroupBy(j => (j.Kind, j.JobId))
            .Select(g => g.OrderByDescending(j => Rank(j.Status)).First())
            .ToList();
        var copies = uniqueJobs.Where(j => j.Kind == BackupJobItem.Copy).ToList();

        var orderedDrills = drills.OrderBy(d => TierOrder(d.Tier)).ThenBy(d => d.ValidatedAt).ToList();
        return new EvidenceIndex
        {
            Store = _settings.StoreName,
            Period = period.Key,
            From = period.From,
            To = period.To,
            GeneratedAt = _clock.GetUtcNow(),
            Bucket = _settings.Bucket,
            DrillBucket = _settings.DrillBucket,
            Tiers = _settings.Tiers.Select(t => Tier(t.Key, t.Value, latestControls, orderedDrills)).ToList(),
            Controls = latestControls,
            NonCompliantResources = nonCompliant,
            Drills = orderedDrills,
            LastStoreRecovery = lastRecovery,
            BackupJobs = Summary(uniqueJobs.Where(j => j.Kind == BackupJobItem.Backup)),
            CopyJobs = Summary(copies),
            RestoreJobs = Summary(uniqueJobs.Where(j => j.Kind == BackupJobItem.Restore)),
            CopiesByDestination = copies
                .GroupBy(c => c.DestinationVaultArn ?? "(unknown)")
                .Select(g => new CopyDestinationSummary(g.Key, g.Count(j => CompletedStatuses.Contains(j.Status)), g.Count(j => FailedStatuses.Contains(j.Status))))
                .OrderBy(c => c.DestinationVaultArn, StringComparer.Ordinal)
                .ToList(),
            TrailDigests = new DigestPointers
            {
                Count = digests.Count,
                Regions = digests.Select(RegionOfDigest).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
                First = digests.FirstOrDefault(),
                Last = digests.LastOrDefault(),
            },
            DrillReportKeys = drillKeys,
            AuditReportKeys = reportKeys,
            Unreadable = unreadable,
        };
    }

    private TierEvidence Tier(string tier, EvidenceTierTarget targets, List<ControlEvidence> controls, List<DrillEvidence> drills)
    {
        var own = controls.Where(c => c.Tier == tier).ToList();
        var tierDrills = drills.Where(d => d.Tier == tier).ToList();
        var findings = new List<string>();
        foreach (var c in own.Where(c => c.Status == "NON_COMPLIANT"))
        {
            findings.Add($"control {c.Control} is NON_COMPLIANT ({c.ResourcesNonCompliant?.ToString(CultureInfo.InvariantCulture) ?? "?"} resources)");
        }

        foreach (var d in tierDrills.Where(d => d.Result == DrillResult.Failed))
        {
            findings.Add($"drill {d.RestoreJobId} ({d.ResourceType}) failed: {d.Message}");
        }

        if (tierDrills.Count == 0)
        {
            findings.Add("no restore drill ran in the period");
        }

        if (own.Count == 0)
        {
            findings.Add("no control compliance report in the period");
        }

        var verdict = own.Count == 0 && tierDrills.Count == 0 ? TierEvidence.NoEvidence : findings.Count == 0 ? TierEvidence.Met : TierEvidence.Attention;
        return new TierEvidence
        {
            Tier = tier,
            Targets = targets,
            Framework = _settings.Frameworks.FirstOrDefault(f => TierOf(f) == tier),
            ControlsCompliant = own.Count(c => c.Status == "COMPLIANT"),
            ControlsNonCompliant = own.Count(c => c.Status == "NON_COMPLIANT"),
            ControlsOther = own.Count(c => c.Status is not "COMPLIANT" and not "NON_COMPLIANT"),
            DrillsRun = tierDrills.Count,
            DrillsSucceeded = tierDrills.Count(d => d.Result == DrillResult.Succeeded),
            DrillsFailed = tierDrills.Count(d => d.Result == DrillResult.Failed),
            WorstRestoreSeconds = tierDrills.Max(d => d.RestoreSeconds),
            WorstDataFreshnessSeconds = tierDrills.Max(d => d.DataFreshnessSeconds),
            Verdict = verdict,
            Findings = findings,
        };
    }

    private static JobSummary Summary(IEnumerable<BackupJobItem> jobs)
    {
        var list = jobs.ToList();
        return new JobSummary
        {
            Completed = list.Count(j => CompletedStatuses.Contains(j.Status)),
            Failed = list.Count(j => FailedStatuses.Contains(j.Status)),
            Other = list.Count(j => !CompletedStatuses.Contains(j.Status) && !FailedStatuses.Contains(j.Status)),
            FailedJobIds = list.Where(j => FailedStatuses.Contains(j.Status)).Select(j => j.JobId).Order(StringComparer.Ordinal).ToList(),
        };
    }

    // A job seen in several daily reports: its final state wins over RUNNING/CREATED.
    private static int Rank(string status) => CompletedStatuses.Contains(status) || FailedStatuses.Contains(status) ? 1 : 0;

    /// <summary>The tier of a framework named &lt;store&gt;_backup_&lt;tier&gt;, or null.</summary>
    private string? TierOf(string framework) =>
        _settings.Tiers.Keys.FirstOrDefault(t => framework.EndsWith($"_backup_{t}", StringComparison.Ordinal));

    private int TierOrder(string tier) => _settings.Tiers.Keys.ToList() is var keys && keys.IndexOf(tier) is var i && i >= 0 ? i : int.MaxValue;

    private int FrameworkOrder(string framework) => TierOf(framework) is { } t ? TierOrder(t) : int.MaxValue;

    private static DateTimeOffset DateOf(EvidenceObject obj)
    {
        var m = DatePath().Match(obj.Key);
        return m.Success && DateTimeOffset.TryParseExact(m.Value.Trim('/'), "yyyy'/'MM'/'dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : obj.LastModified;
    }

    private static string? RegionOfDigest(string key)
    {
        var parts = key.Split('/');
        var i = Array.IndexOf(parts, "CloudTrail-Digest");
        return i >= 0 && i + 1 < parts.Length ? parts[i + 1] : null;
    }

    [GeneratedRegex(@"/\d{4}/\d{2}/\d{2}/")]
    private static partial Regex DatePath();
}
