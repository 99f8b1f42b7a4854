using System.Globalization;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Validators;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>
/// The pure part of a drill: from what the validate step read (<see cref="DrillObservation"/>) to the verdict — RTO, recovery
/// point age and data freshness measured and judged against the tier's targets, the result, the validation status and
/// message, the report. No I/O: <see cref="RestoreDrillValidator"/> gathers the evidence and records the verdict.
/// </summary>
internal static class DrillJudge
{
    /// <summary>PutRestoreValidationResult's message is cut to this many characters.</summary>
    public const int MaxValidationMessageLength = 1000;

    public static DrillVerdict Verdict(DrillObservation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (evt, job, settings, target, checks, data, resourceType) = (e.Event, e.Job, e.Settings, e.Target, e.Checks, e.Data, e.ResourceType);
        long? duration = Seconds(job.CreationDate, job.CompletionDate);
        var (restoredPoint, continuous) = RestoredPointInTime(job.RecoveryPointCreationDate, data?.NewestRecordAt);
        long? recoveryPointAge = Seconds(restoredPoint, job.CreationDate);
        long? freshness = data?.NewestRecordAt is { } newest && restoredPoint is { } rp
            ? continuous ? Seconds(newest, job.CreationDate) : Seconds(newest, rp)
            : null;
        if (continuous)
        {
            checks.Add(DrillCheck.Pass("restore.pointInTime",
                $"restored data is newer than the recovery point's creation ({job.RecoveryPointCreationDate:O}): a continuous recovery point, restored to a point in time at or after {restoredPoint:O}; its age and freshness are measured from there, not from the start of the continuous chain"));
        }

        if (duration is { } d)
        {
            checks.Add(d <= target.RtoSeconds
                ? DrillCheck.Pass("target.rto", $"restore took {d} s (RTO target {target.RtoSeconds} s)")
                : DrillCheck.Fail("target.rto", $"restore took {d} s, over the {settings.Tier} RTO target of {target.RtoSeconds} s; use a faster restore path (smaller data, provisioned throughput) or revise the target"));
        }

        if (target.MaxRecoveryPointAgeSeconds is { } maxAge && recoveryPointAge is { } age)
        {
            checks.Add(age <= maxAge
                ? DrillCheck.Pass("target.recoveryPointAge", $"recovery point was {age} s old (limit {maxAge} s)")
                : DrillCheck.Fail("target.recoveryPointAge", $"recovery point was {age} s old, over the limit of {maxAge} s; backups are not running as often as the {settings.Tier} tier needs"));
        }

        if (freshness is { } f)
        {
            var limit = target.EffectiveFreshnessSeconds;
            var reference = continuous ? "the restore job's start" : "the recovery point";
            checks.Add(f <= limit
                ? DrillCheck.Pass("target.rpo", $"newest record is {f} s older than {reference} (limit {limit} s)")
                : DrillCheck.Fail("target.rpo", $"newest record is {f} s older than {reference}, over the limit of {limit} s; either the store took no orders in that window (raise maxDataFreshnessSeconds for quiet stores) or data stopped being written/backed up"));
        }
        else if (data?.NewestRecordAt is not null)
        {
            checks.Add(DrillCheck.Skip("target.rpo", "DescribeRestoreJob gave no RecoveryPointCreationDate, so data freshness cannot be measured"));
        }

        var result = checks.Any(c => c.Status == DrillCheck.Failed) ? DrillResult.Failed
            : data?.DataValidated == true ? DrillResult.Succeeded
            : DrillResult.NotValidated;
        string? validationStatus = job.Status == "COMPLETED"
            ? result == DrillResult.Failed ? RestoreValidationStatus.Failed : RestoreValidationStatus.Successful
            : null;
        var report = new DrillReport
        {
            Store = e.Store,
            Tier = settings.Tier,
            Region = e.Region,
            AccountId = job.AccountId ?? evt.Account,
            ResourceType = resourceType,
            RestoreJobId = job.RestoreJobId,
            RestoreTestingPlanArn = job.RestoreTestingPlanArn,
            SourceResourceArn = evt.SourceResourceArn,
            CreatedResourceArn = job.CreatedResourceArn,
            RecoveryPointArn = job.RecoveryPointArn ?? evt.RecoveryPointArn,
            RestoreJobStatus = job.Status,
            RestoreJobStatusMessage = job.StatusMessage,
            RestoreJobCreatedAt = job.CreationDate,
            RestoreJobCompletedAt = job.CompletionDate,
            RecoveryPointCreatedAt = job.RecoveryPointCreationDate,
            NewestRecordAt = data?.NewestRecordAt,
            ValidatedAt = e.ValidatedAt,
            RestoreDurationSeconds = duration,
            RecoveryPointAgeSeconds = recoveryPointAge,
            DataFreshnessSeconds = freshness,
            RecordCount = data?.RecordCount,
            RtoTargetSeconds = target.RtoSeconds,
            RpoTargetSeconds = target.RpoSeconds,
            MaxDataFreshnessSeconds = target.EffectiveFreshnessSeconds,
            MaxRecoveryPointAgeSeconds = target.MaxRecoveryPointAgeSeconds,
            Checks = checks,
            Result = result,
            ValidationStatusSent = validationStatus,
            ValidationMessage = ValidationMessage(result, checks, data),
        };
        return new DrillVerdict { Report = report, DataValidated = data?.DataValidated == true };
    }

    /// <summary>
    /// The point in time the restored data represents, as far as it can be known. For a snapshot it is the recovery point's
    /// creation. A continuous recovery point is created once and then kept current: "The continuous backup plan creates
    /// one continuous recovery point and updates that recovery point whenever the job runs", and "Continuous backup works
    /// by first creating a full backup of your resource, and then constantly backing up your resource's transaction logs"
    /// (https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery.html), so its
    /// <c>RecoveryPointCreationDate</c> ("The creation date of the recovery point made by the specifed restore job",
    /// DescribeRestoreJob) is the start of the chain, days old, while the data restored from it is as recent as the
    /// point in time restored. AWS does not document which point in time restore testing restores a continuous point
    /// to, and DescribeRestoreJob does not return it; restored data newer than the recovery point's creation can only
    /// come from such a point, and the restored point in time is at or after the newest restored record. That record's
    /// time is the lower bound used (the age reported is then an upper bound). Returns the bound and whether the
    /// continuous case applied.
    /// </summary>
    public static (DateTimeOffset? RestoredPoint, bool Continuous) RestoredPointInTime(DateTimeOffset? recoveryPointCreated, DateTimeOffset? newestRecord) =>
        recoveryPointCreated is { } created && newestRecord is { } newest && newest > created
            ? (newest, true)
            : (recoveryPointCreated, false);

    private static string ValidationMessage(string result, List<DrillCheck> checks, ResourceValidation? data)
    {
        var failed = checks.Where(c => c.Status == DrillCheck.Failed).ToList();
        string text;
        if (failed.Count > 0)
        {
            text = $"FAILED {failed.Count} check(s): " + string.Join(" | ", failed.Select(c => $"{c.Name}: {c.Detail}"));
        }
        else if (result == DrillResult.NotValidated)
        {
            text = "NOT VALIDATED AT DATA LEVEL: the restore completed; " + string.Join(" | ", checks.Where(c => c.Status == DrillCheck.Skipped).Select(c => c.Detail));
        }
        else
        {
            text = $"OK: {checks.Count(c => c.Status == DrillCheck.Passed)} checks passed" +
                (data?.RecordCount is { } n ? string.Create(CultureInfo.InvariantCulture, $", {n} records") : string.Empty) +
                (data?.NewestRecordAt is { } t ? $", newest {t:O}" : string.Empty);
        }

        return Truncate(text);
    }

    public static string Truncate(string text) =>
        text.Length <= MaxValidationMessageLength ? text : string.Concat(text.AsSpan(0, MaxValidationMessageLength - 3), "...");

    private static long? Seconds(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } a && to is { } b ? (long)Math.Round((b - a).TotalSeconds) : null;
}
