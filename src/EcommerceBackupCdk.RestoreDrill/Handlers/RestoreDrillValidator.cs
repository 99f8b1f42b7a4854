using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Metrics;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Validators;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>
/// Handles one "Restore Job State Change" event: reads the restore job, validates the restored resource
/// (only the job's CreatedResourceArn, read-only), writes the drill report, calls PutRestoreValidationResult
/// at most once per job, and emits the EMF metrics. Plain class: tested without Lambda.
/// </summary>
public sealed class RestoreDrillValidator
{
    private const int MaxValidationMessageLength = 1000;
    private static readonly string[] FinalJobStatuses = ["COMPLETED", "FAILED", "ABORTED"];

    private readonly DrillSettings _settings;
    private readonly RestoreDrillDependencies _deps;
    private readonly DrillLog _log;
    private readonly EmfWriter _emf;
    private readonly IResourceValidator _dynamoDb;
    private readonly IResourceValidator _s3;
    private readonly IResourceValidator _rds;
    private readonly IResourceValidator _stateOnly = new StateOnlyValidator();

    public RestoreDrillValidator(DrillSettings settings, RestoreDrillDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(dependencies);
        _settings = settings;
        _deps = dependencies;
        _log = new DrillLog(dependencies.Output, dependencies.Clock);
        _emf = new EmfWriter(dependencies.Output);
        _dynamoDb = new DynamoDbValidator(dependencies.DynamoDb, settings.DynamoDbScanSegments);
        _s3 = new S3Validator(dependencies.S3);
        _rds = new RdsValidator(dependencies.Rds, dependencies.Secrets, dependencies.SqlProbe, dependencies.DatabaseEndpointMap);
    }

    /// <summary>Builds the validator with the real AWS clients from validated settings.</summary>
    public static RestoreDrillValidator Create(DrillSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        AwsClientOptions Options(Uri? endpoint) => new() { Region = settings.Region, Endpoint = endpoint };
        var dynamoConfig = new AmazonDynamoDBConfig { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region) };
        if (settings.DynamoDbEndpoint is not null)
        {
            dynamoConfig.ServiceURL = settings.DynamoDbEndpoint.ToString();
            dynamoConfig.AuthenticationRegion = settings.Region;
        }

        var s3Config = new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region) };
        if (settings.S3Endpoint is not null)
        {
            s3Config.ServiceURL = settings.S3Endpoint.ToString();
            s3Config.ForcePathStyle = true;
            s3Config.AuthenticationRegion = settings.Region;
        }

        var s3 = new AmazonS3Client(s3Config);
        return new RestoreDrillValidator(settings, new RestoreDrillDependencies
        {
            Backup = new BackupApiClient(Options(settings.BackupEndpoint)),
            Rds = new RdsApiClient(Options(settings.RdsEndpoint)),
            Secrets = new SecretsManagerApiClient(Options(settings.SecretsManagerEndpoint)),
            DynamoDb = new AmazonDynamoDBClient(dynamoConfig),
            S3 = s3,
            Reports = new S3DrillReportStore(s3, settings.ReportBucket),
        });
    }

    /// <summary>
    /// Never throws for a bad event (it is rejected and logged). Throws only when the outcome could not be
    /// recorded (PutRestoreValidationResult or the report write failed), so Lambda reports an error.
    /// </summary>
    public async Task<DrillOutcome> HandleAsync(string eventJson, CancellationToken cancellationToken)
    {
        RestoreJobEvent evt;
        try
        {
            evt = RestoreJobEvent.Parse(eventJson);
        }
        catch (MalformedEventException e)
        {
            _log.Error($"rejected malformed event: {e.Message}", exception: e);
            return new DrillOutcome { Outcome = DrillOutcome.Rejected, Message = e.Message };
        }

        var jobId = evt.RestoreJobId;
        if (!FinalJobStatuses.Contains(evt.Status))
        {
            return Ignore(jobId, $"restore job status '{evt.Status}' is not final (COMPLETED, FAILED, ABORTED)");
        }

        if (evt.RestoreTestingPlanArn is not null && !IsOurPlan(evt.RestoreTestingPlanArn))
        {
            return Ignore(jobId, $"restore testing plan '{evt.RestoreTestingPlanArn}' is not one of ours");
        }

        RestoreJobDescription job;
        try
        {
            job = await _deps.Backup.DescribeRestoreJobAsync(jobId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            _log.Error($"rejected event: restore job does not exist: {e.Message}", jobId, e);
            return new DrillOutcome { Outcome = DrillOutcome.Rejected, RestoreJobId = jobId, Message = $"restore job '{jobId}' does not exist: {e.AwsMessage}" };
        }
        catch (Exception e) when (e is AwsServiceException or AwsClientException)
        {
            return await RecordUnreadableJobAsync(evt, e, cancellationToken).ConfigureAwait(false);
        }

        if (job.RestoreTestingPlanArn is null)
        {
            return Ignore(jobId, "the restore job was not started by a restore testing plan; the validator only examines drill restores");
        }

        if (!IsOurPlan(job.RestoreTestingPlanArn))
        {
            return Ignore(jobId, $"the restore job was started by restore testing plan '{job.RestoreTestingPlanArn}', which is not one of ours");
        }

        if (RestoreValidationStatus.IsFinal(job.ValidationStatus))
        {
            _log.Info($"duplicate event: validation status is already {job.ValidationStatus}; nothing sent", jobId);
            return new DrillOutcome
            {
                Outcome = DrillOutcome.AlreadyValidated,
                RestoreJobId = jobId,
                Message = $"validation status already {job.ValidationStatus}: {job.ValidationStatusMessage}",
            };
        }

        if (!FinalJobStatuses.Contains(job.Status))
        {
            return Ignore(jobId, $"the event says {evt.Status} but DescribeRestoreJob says {job.Status}; waiting for the final event");
        }

        return await ValidateAsync(evt, job, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DrillOutcome> ValidateAsync(RestoreJobEvent evt, RestoreJobDescription job, CancellationToken cancellationToken)
    {
        var settings = _settings.For(evt.SourceResourceArn);
        var target = _settings.Tiers[settings.Tier];
        var resourceType = job.ResourceType ?? evt.ResourceType ?? "Unknown";
        var checks = new List<DrillCheck>();
        ResourceValidation? data = null;

        if (job.Status == "COMPLETED")
        {
            checks.Add(DrillCheck.Pass("restore.completed", $"restore job COMPLETED{(job.StatusMessage is null ? string.Empty : ": " + job.StatusMessage)}"));
            if (job.CreatedResourceArn is null)
            {
                checks.Add(DrillCheck.Fail("restore.createdResource", "DescribeRestoreJob names no CreatedResourceArn, so there is nothing the validator may examine"));
            }
            else if (evt.CreatedResourceArn is not null && evt.CreatedResourceArn != job.CreatedResourceArn)
            {
                checks.Add(DrillCheck.Fail("restore.createdResource", $"the event names '{evt.CreatedResourceArn}' but the restore job created '{job.CreatedResourceArn}'; refusing to examine either"));
            }
            else
            {
                data = await RunValidatorAsync(job, resourceType, settings, target, checks, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            checks.Add(DrillCheck.Fail("restore.completed", $"restore job {job.Status}: {job.StatusMessage ?? evt.StatusMessage ?? "no status message"}; see the AWS Backup console for the job and fix the cause (IAM role, restore metadata, quotas)"));
        }

        long? duration = Seconds(job.CreationDate, job.CompletionDate);
        long? recoveryPointAge = Seconds(job.RecoveryPointCreationDate, job.CreationDate);
        long? freshness = data?.NewestRecordAt is { } newest && job.RecoveryPointCreationDate is { } rp ? Seconds(newest, rp) : null;

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
            checks.Add(f <= limit
                ? DrillCheck.Pass("target.rpo", $"newest record is {f} s older than the recovery point (limit {limit} s)")
                : DrillCheck.Fail("target.rpo", $"newest record is {f} s older than the recovery point, over the limit of {limit} s; either the store took no orders in that window (raise maxDataFreshnessSeconds for quiet stores) or data stopped being written/backed up"));
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
        var message = ValidationMessage(result, checks, data);
        var now = _deps.Clock.GetUtcNow();
        var report = new DrillReport
        {
            Store = _settings.StoreName,
            Tier = settings.Tier,
            Region = _settings.Region,
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
            ValidatedAt = now,
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
            ValidationMessage = message,
        };

        string? reportKey = null;
        Exception? reportError = null;
        try
        {
            reportKey = await _deps.Reports.WriteAsync(report, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or IOException or HttpRequestException or TaskCanceledException)
        {
            reportError = e;
            _log.Error($"drill report could not be written to s3://{_settings.ReportBucket}/{report.S3Key}: {e.Message}", job.RestoreJobId, e);
        }

        if (validationStatus is not null)
        {
            var sent = reportError is null ? message : Truncate($"{message} (drill report NOT written: {reportError.Message})");
            await _deps.Backup.PutRestoreValidationResultAsync(job.RestoreJobId, validationStatus, sent, cancellationToken).ConfigureAwait(false);
        }

        _emf.Write(_settings.StoreName, resourceType, now,
        [
            (DrillMetrics.RestoreDurationSeconds, duration, DrillMetrics.SecondsUnit),
            (DrillMetrics.RecoveryPointAgeSeconds, recoveryPointAge, DrillMetrics.SecondsUnit),
            (DrillMetrics.DataFreshnessSeconds, freshness, DrillMetrics.SecondsUnit),
            (DrillMetrics.Success, result == DrillResult.Failed ? 0 : 1, DrillMetrics.CountUnit),
            (DrillMetrics.DataValidated, data?.DataValidated == true ? 1 : 0, DrillMetrics.CountUnit),
        ],
        new Dictionary<string, string?>
        {
            ["RestoreJobId"] = job.RestoreJobId,
            ["Tier"] = settings.Tier,
            ["Result"] = result,
            ["ReportKey"] = reportKey,
        });
        _log.Info($"drill {result}: {message}", job.RestoreJobId);

        if (reportError is not null)
        {
            throw new IOException($"restore job {job.RestoreJobId}: validation {validationStatus ?? "not sent"} was recorded, but the drill report could not be written to s3://{_settings.ReportBucket}/{report.S3Key}: {reportError.Message}", reportError);
        }

        return new DrillOutcome
        {
            Outcome = result,
            RestoreJobId = job.RestoreJobId,
            ValidationStatus = validationStatus,
            Message = message,
            ReportKey = reportKey,
        };
    }

    private async Task<ResourceValidation?> RunValidatorAsync(RestoreJobDescription job, string resourceType, ResourceSettings settings, TierTarget target, List<DrillCheck> checks, CancellationToken cancellationToken)
    {
        var validator = resourceType switch
        {
            "DynamoDB" => _dynamoDb,
            "S3" => _s3,
            "RDS" or "Aurora" => _rds,
            _ => _stateOnly,
        };
        var context = new ValidationContext { Job = job, CreatedResourceArn = job.CreatedResourceArn!, Settings = settings, Target = target };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.ValidationTimeout);
        try
        {
            var data = await validator.ValidateAsync(context, timeout.Token).ConfigureAwait(false);
            checks.AddRange(data.Checks);
            return data;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            checks.Add(DrillCheck.Fail("data.timeout", $"data checks of {resourceType} did not finish within {_settings.ValidationTimeout.TotalSeconds:0} s (VALIDATION_TIMEOUT_SECONDS)"));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            _log.Error($"data checks of {resourceType} failed: {e.Message}", job.RestoreJobId, e);
            checks.Add(DrillCheck.Fail("data.error", $"{resourceType} data checks failed: {Describe(e)}"));
        }

        return null;
    }

    private async Task<DrillOutcome> RecordUnreadableJobAsync(RestoreJobEvent evt, Exception error, CancellationToken cancellationToken)
    {
        var jobId = evt.RestoreJobId;
        var message = Truncate($"FAILED: the validator could not read restore job {jobId}: {Describe(error)}. Check the validator role allows backup:DescribeRestoreJob and that AWS Backup is reachable.");
        _log.Error(message, jobId, error);
        try
        {
            await _deps.Backup.PutRestoreValidationResultAsync(jobId, RestoreValidationStatus.Failed, message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception putError) when (putError is AwsServiceException or AwsClientException)
        {
            throw new AggregateException($"restore job {jobId}: DescribeRestoreJob failed and so did recording the failure", error, putError);
        }

        _emf.Write(_settings.StoreName, evt.ResourceType ?? "Unknown", _deps.Clock.GetUtcNow(),
            [(DrillMetrics.Success, 0, DrillMetrics.CountUnit), (DrillMetrics.DataValidated, 0, DrillMetrics.CountUnit)],
            new Dictionary<string, string?> { ["RestoreJobId"] = jobId, ["Result"] = DrillResult.Failed });
        return new DrillOutcome { Outcome = DrillOutcome.Failed, RestoreJobId = jobId, ValidationStatus = RestoreValidationStatus.Failed, Message = message };
    }

    private DrillOutcome Ignore(string jobId, string reason)
    {
        _log.Info($"ignored: {reason}", jobId);
        return new DrillOutcome { Outcome = DrillOutcome.Ignored, RestoreJobId = jobId, Message = reason };
    }

    private bool IsOurPlan(string planArn) =>
        _settings.RestoreTestingPlanArns.Count == 0 || _settings.RestoreTestingPlanArns.Contains(planArn, StringComparer.Ordinal);

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

    private static string Truncate(string text) =>
        text.Length <= MaxValidationMessageLength ? text : string.Concat(text.AsSpan(0, MaxValidationMessageLength - 3), "...");

    private static long? Seconds(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } a && to is { } b ? (long)Math.Round((b - a).TotalSeconds) : null;

    private static string Describe(Exception e) => e switch
    {
        AwsServiceException aws => $"{aws.Service} {aws.ErrorCode}: {aws.AwsMessage}",
        AmazonServiceException sdk => $"{sdk.ErrorCode ?? sdk.GetType().Name}: {sdk.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
