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
    private static readonly string[] FinalJobStatuses = ["COMPLETED", "FAILED", "ABORTED"];

    private readonly DrillSettings _settings;
    private readonly RestoreDrillDependencies _deps;
    private readonly DrillLog _log;
    private readonly EmfWriter _emf;
    private readonly IResourceValidator _dynamoDb;
    private readonly IResourceValidator _s3;
    private readonly IResourceValidator _rds;
    private readonly IResourceValidator _rdsOneTimePassword;
    private readonly IResourceValidator _stateOnly = new StateOnlyValidator();

    public RestoreDrillValidator(DrillSettings settings, RestoreDrillDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(dependencies);
        _settings = settings;
        _deps = dependencies;
        _log = new DrillLog(dependencies.Output, dependencies.Clock);
        _emf = new EmfWriter(dependencies.Output);
        _dynamoDb = dependencies.DynamoDbCheck(settings.DynamoDbScanSegments);
        _s3 = dependencies.S3Check();
        _rds = dependencies.RdsCheck(RdsProbeCredentials.Secret);
        _rdsOneTimePassword = dependencies.RdsCheck(RdsProbeCredentials.OneTimePassword);
    }

    /// <summary>Builds the validator with the real AWS clients from validated settings.</summary>
    public static RestoreDrillValidator Create(DrillSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var aws = new AwsClientSet(settings);
        return new RestoreDrillValidator(settings, new RestoreDrillDependencies
        {
            Backup = aws.Backup,
            Rds = aws.Rds,
            Secrets = aws.Secrets,
            DynamoDb = aws.DynamoDb,
            S3 = aws.S3,
            Reports = new S3DrillReportStore(aws.S3, settings.ReportBucket),
        });
    }

    /// <summary>
    /// Handles one event in one call (inspect, validate, record), for callers without the drill flow. A restored Aurora
    /// cluster without instances is reported NOT VALIDATED AT DATA LEVEL here; the drill flow adds an instance.
    /// Throws <see cref="TransientDrillException"/> when AWS could not be read (the caller retries), and when the
    /// report could not be written (before anything is recorded, so the retry validates again).
    /// </summary>
    public async Task<DrillOutcome> HandleAsync(string eventJson, CancellationToken cancellationToken)
    {
        var state = await InspectAsync(eventJson, 0, cancellationToken).ConfigureAwait(false);
        switch (state.Decision)
        {
            case DrillFlowState.Validate:
                var verdict = await BuildVerdictAsync(eventJson, state, cancellationToken, RdsProbeCredentials.Secret).ConfigureAwait(false);
                return await RecordAsync(verdict, temporaryInstanceGone: null, cancellationToken).ConfigureAwait(false);
            case DrillFlowState.RecordFailure:
                return await RecordAsync(UnreadableJobVerdict(eventJson, state), temporaryInstanceGone: null, cancellationToken).ConfigureAwait(false);
            case DrillFlowState.AlreadyValidated:
                return new DrillOutcome { Outcome = DrillOutcome.AlreadyValidated, RestoreJobId = state.RestoreJobId, Message = state.Message };
            case DrillFlowState.Ignore when state.RestoreJobId is null || state.Message.StartsWith("rejected", StringComparison.Ordinal):
                return new DrillOutcome { Outcome = DrillOutcome.Rejected, RestoreJobId = state.RestoreJobId, Message = state.Message };
            default:
                return new DrillOutcome { Outcome = DrillOutcome.Ignored, RestoreJobId = state.RestoreJobId, Message = state.Message };
        }
    }

    /// <summary>
    /// The drill flow's first step: reads the event and the restore job and decides what the flow does. Never records
    /// anything. A transient AWS failure throws <see cref="TransientDrillException"/> (the flow retries); a final event
    /// that arrives before DescribeRestoreJob reads final gives <see cref="DrillFlowState.Wait"/> (the flow waits and
    /// inspects again, at most <see cref="MaxInspectAttempts"/> times).
    /// </summary>
    public async Task<DrillFlowState> InspectAsync(string eventJson, int attempt, CancellationToken cancellationToken)
    {
        RestoreJobEvent evt;
        try
        {
            evt = RestoreJobEvent.Parse(eventJson);
        }
        catch (MalformedEventException e)
        {
            _log.Error($"rejected malformed event: {e.Message}", exception: e);
            return new DrillFlowState { Decision = DrillFlowState.Ignore, Message = "rejected malformed event: " + e.Message };
        }

        var jobId = evt.RestoreJobId;
        if (!FinalJobStatuses.Contains(evt.Status))
        {
            return IgnoreState(jobId, $"restore job status '{evt.Status}' is not final (COMPLETED, FAILED, ABORTED)");
        }

        if (evt.RestoreTestingPlanArn is not null && !IsOurPlan(evt.RestoreTestingPlanArn))
        {
            return IgnoreState(jobId, $"restore testing plan '{evt.RestoreTestingPlanArn}' is not one of ours");
        }

        RestoreJobDescription job;
        try
        {
            job = await _deps.Backup.DescribeRestoreJobAsync(jobId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
        {
            _log.Error($"rejected event: restore job does not exist: {e.Message}", jobId, e);
            return new DrillFlowState { Decision = DrillFlowState.Ignore, RestoreJobId = jobId, Message = $"rejected: restore job '{jobId}' does not exist: {e.AwsMessage}" };
        }
        catch (Exception e) when (IsTransient(e))
        {
            _log.Error($"DescribeRestoreJob failed transiently; the flow retries: {e.Message}", jobId, e);
            throw new TransientDrillException($"restore job {jobId}: DescribeRestoreJob failed transiently ({Describe(e)}); retry", e);
        }
        catch (AwsServiceException e)
        {
            // A permanent refusal (e.g. AccessDenied) will not heal by retrying: record it as the verdict.
            return new DrillFlowState
            {
                Decision = DrillFlowState.RecordFailure,
                RestoreJobId = jobId,
                ResourceType = evt.ResourceType,
                LockExpiresAt = LockExpiry(_deps.Clock.GetUtcNow()),
                Message = Truncate($"FAILED: the validator could not read restore job {jobId}: {Describe(e)}. Check the validator role allows backup:DescribeRestoreJob."),
            };
        }

        if (job.RestoreTestingPlanArn is null)
        {
            return IgnoreState(jobId, "the restore job was not started by a restore testing plan; the validator only examines drill restores");
        }

        if (!IsOurPlan(job.RestoreTestingPlanArn))
        {
            return IgnoreState(jobId, $"the restore job was started by restore testing plan '{job.RestoreTestingPlanArn}', which is not one of ours");
        }

        if (RestoreValidationStatus.IsFinal(job.ValidationStatus))
        {
            _log.Info($"duplicate event: validation status is already {job.ValidationStatus}; nothing sent", jobId);
            return new DrillFlowState { Decision = DrillFlowState.AlreadyValidated, RestoreJobId = jobId, Message = $"validation status already {job.ValidationStatus}: {job.ValidationStatusMessage}" };
        }

        if (!FinalJobStatuses.Contains(job.Status))
        {
            var next = attempt + 1;
            var decision = next >= MaxInspectAttempts ? DrillFlowState.GaveUp : DrillFlowState.Wait;
            _log.Info($"the event says {evt.Status} but DescribeRestoreJob says {job.Status}; {(decision == DrillFlowState.Wait ? "waiting and reading again" : "gave up")} (attempt {next})", jobId);
            return new DrillFlowState
            {
                Decision = decision,
                RestoreJobId = jobId,
                Attempt = next,
                WaitSeconds = Backoff(attempt, null),
                Message = $"the event says {evt.Status} but DescribeRestoreJob says {job.Status} (read {next} time(s))",
            };
        }

        var deadline = (job.CompletionDate ?? _deps.Clock.GetUtcNow()) + _settings.ValidationWindow - DeadlineMargin;
        var state = new DrillFlowState
        {
            Decision = DrillFlowState.Validate,
            RestoreJobId = jobId,
            ResourceType = job.ResourceType ?? evt.ResourceType,
            CreatedResourceArn = job.CreatedResourceArn,
            Deadline = deadline,
            LockExpiresAt = LockExpiry(deadline),
            Message = $"restore job {job.Status}",
        };
        if (job.Status == "COMPLETED" && state.ResourceType == "Aurora" && ResourceArn.TryParse(job.CreatedResourceArn, out var arn) && arn.RdsClusterId is { } clusterId)
        {
            state = await PlanTemporaryInstanceAsync(state, clusterId, cancellationToken).ConfigureAwait(false);
        }

        return state;
    }

    private async Task<DrillFlowState> PlanTemporaryInstanceAsync(DrillFlowState state, string clusterId, CancellationToken cancellationToken)
    {
        DbClusterDescription cluster;
        try
        {
            cluster = await _deps.Rds.DescribeDbClusterAsync(clusterId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new TransientDrillException($"DescribeDBClusters {clusterId} failed transiently ({Describe(e)}); retry", e);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "DBClusterNotFoundFault")
        {
            // The validate step reports the missing cluster.
            return state;
        }

        var temporaryId = TemporaryInstance.IdentifierFor(clusterId);
        if (cluster.MemberInstanceIdentifiers.Count > 0 && !cluster.MemberInstanceIdentifiers.Contains(temporaryId, StringComparer.Ordinal))
        {
            return state;
        }

        var engine = cluster.Engine ?? "aurora-postgresql";
        IReadOnlyList<string> orderable;
        try
        {
            orderable = await _deps.Rds.DescribeOrderableInstanceClassesAsync(engine, cluster.EngineVersion, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new TransientDrillException($"DescribeOrderableDBInstanceOptions failed transiently ({Describe(e)}); retry", e);
        }

        return state with
        {
            NeedsTemporaryInstance = true,
            ClusterId = clusterId,
            TemporaryInstanceId = temporaryId,
            InstanceClass = TemporaryInstance.SmallestClass(orderable),
            Engine = engine,
            Message = $"restored Aurora cluster '{clusterId}' has no instance; the flow adds '{temporaryId}'",
        };
    }

    /// <summary>Creates the temporary instance (idempotent: an existing one of that name is accepted).</summary>
    public async Task CreateTemporaryInstanceAsync(DrillFlowState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.TemporaryInstanceId is null || state.ClusterId is null || state.InstanceClass is null || state.Engine is null)
        {
            throw new ArgumentException("the drill state names no temporary instance (temporaryInstanceId, clusterId, instanceClass, engine)", nameof(state));
        }

        try
        {
            await _deps.Rds.CreateClusterInstanceAsync(state.TemporaryInstanceId, state.ClusterId, state.InstanceClass, state.Engine,
                new Dictionary<string, string>
                {
                    [RestoreTestNames.TagKey] = state.RestoreJobId ?? "drill",
                    ["ecommerce-backup:drill"] = _settings.StoreName,
                }, cancellationToken).ConfigureAwait(false);
            _log.Info($"created temporary instance {state.TemporaryInstanceId} ({state.InstanceClass}) in {state.ClusterId}", state.RestoreJobId);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "DBInstanceAlreadyExists")
        {
            _log.Info($"temporary instance {state.TemporaryInstanceId} already exists (retried step)", state.RestoreJobId);
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new TransientDrillException($"CreateDBInstance {state.TemporaryInstanceId} failed transiently ({Describe(e)}); retry", e);
        }
    }

    /// <summary>Reads the temporary instance's status and says how long the flow waits before the next poll.</summary>
    public async Task<InstancePoll> PollTemporaryInstanceAsync(DrillFlowState state, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var id = state.TemporaryInstanceId ?? throw new ArgumentException("the drill state names no temporary instance", nameof(state));
        string status;
        try
        {
            status = (await _deps.Rds.DescribeDbInstanceAsync(id, cancellationToken).ConfigureAwait(false)).Status;
        }
        catch (AwsServiceException e) when (e.ErrorCode == "DBInstanceNotFound")
        {
            status = "deleted";
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new TransientDrillException($"DescribeDBInstances {id} failed transiently ({Describe(e)}); retry", e);
        }

        var now = _deps.Clock.GetUtcNow();
        return new InstancePoll
        {
            Status = status,
            Ready = status == "available",
            Gone = status == "deleted",
            PastDeadline = state.Deadline is { } deadline && now >= deadline,
            Attempt = attempt + 1,
            WaitSeconds = Backoff(attempt, state.Deadline),
        };
    }

    /// <summary>Deletes the temporary instance without a final snapshot; one already gone or going is fine.</summary>
    public async Task DeleteTemporaryInstanceAsync(DrillFlowState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var id = state.TemporaryInstanceId ?? throw new ArgumentException("the drill state names no temporary instance", nameof(state));
        try
        {
            await _deps.Rds.DeleteDbInstanceAsync(id, cancellationToken).ConfigureAwait(false);
            _log.Info($"deleting temporary instance {id}", state.RestoreJobId);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "DBInstanceNotFound")
        {
        }
        catch (AwsServiceException e) when (e.ErrorCode == "InvalidDBInstanceState")
        {
            // Still creating (or already deleting): RDS refuses the delete for now; the flow retries this step.
            throw new TransientDrillException($"DeleteDBInstance {id}: {e.AwsMessage}; retry", e);
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new TransientDrillException($"DeleteDBInstance {id} failed transiently ({Describe(e)}); retry", e);
        }
    }

    /// <summary>
    /// The validate step: runs the data checks of the restored resource (for RDS/Aurora with a one-time password set on
    /// the restored copy, used in this call only) and builds the verdict. Records nothing.
    /// </summary>
    public async Task<DrillVerdict> BuildVerdictAsync(string eventJson, DrillFlowState state, CancellationToken cancellationToken,
        RdsProbeCredentials credentials = RdsProbeCredentials.OneTimePassword)
    {
        ArgumentNullException.ThrowIfNull(state);
        var evt = RestoreJobEvent.Parse(eventJson);
        RestoreJobDescription job;
        try
        {
            job = await _deps.Backup.DescribeRestoreJobAsync(evt.RestoreJobId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new TransientDrillException($"restore job {evt.RestoreJobId}: DescribeRestoreJob failed transiently ({Describe(e)}); retry", e);
        }

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
                data = await RunValidatorAsync(job, resourceType, settings, target, checks, state.TemporaryInstanceId, credentials, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            checks.Add(DrillCheck.Fail("restore.completed", $"restore job {job.Status}: {job.StatusMessage ?? evt.StatusMessage ?? "no status message"}; see the AWS Backup console for the job and fix the cause (IAM role, restore metadata, quotas)"));
        }

        return DrillJudge.Verdict(new DrillObservation
        {
            Store = _settings.StoreName,
            Region = _settings.Region,
            Event = evt,
            Job = job,
            ResourceType = resourceType,
            Settings = settings,
            Target = target,
            Checks = checks,
            Data = data,
            ValidatedAt = _deps.Clock.GetUtcNow(),
        });
    }

    /// <inheritdoc cref="DrillJudge.RestoredPointInTime"/>
    internal static (DateTimeOffset? RestoredPoint, bool Continuous) RestoredPointInTime(DateTimeOffset? recoveryPointCreated, DateTimeOffset? newestRecord) =>
        DrillJudge.RestoredPointInTime(recoveryPointCreated, newestRecord);

    /// <summary>
    /// The record step: writes the drill report first (an exception leaves nothing recorded, so the retry writes it
    /// again), then calls PutRestoreValidationResult unless DescribeRestoreJob already reads a final validation status
    /// (a retry after a lost answer), then emits the metrics. Idempotent, so the flow retries it until the report exists.
    /// </summary>
    public async Task<DrillOutcome> RecordAsync(DrillVerdict verdict, bool? temporaryInstanceGone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var report = verdict.Report;
        if (temporaryInstanceGone is { } gone)
        {
            report = report with
            {
                Checks = [.. report.Checks, gone
                    ? DrillCheck.Pass("aurora.temporaryInstanceDeleted", "the temporary instance was deleted; the restored cluster is left for AWS Backup's clean-up")
                    : DrillCheck.Skip("aurora.temporaryInstanceDeleted", "the temporary instance was still being deleted when the verdict was due; it carries the awsbackup-restore-test tag, which AWS Backup's clean-up deletes")],
            };
        }

        string reportKey;
        try
        {
            reportKey = await _deps.Reports.WriteAsync(report, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or IOException or HttpRequestException or TaskCanceledException)
        {
            _log.Error($"drill report could not be written to s3://{_settings.ReportBucket}/{report.S3Key}: {e.Message}; nothing recorded, retry", report.RestoreJobId, e);
            throw new TransientDrillException($"restore job {report.RestoreJobId}: the drill report could not be written to s3://{_settings.ReportBucket}/{report.S3Key} ({e.Message}); nothing was recorded, retry", e);
        }

        if (report.ValidationStatusSent is { } status)
        {
            RestoreJobDescription job;
            try
            {
                job = await _deps.Backup.DescribeRestoreJobAsync(report.RestoreJobId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e))
            {
                throw new TransientDrillException($"restore job {report.RestoreJobId}: DescribeRestoreJob failed transiently ({Describe(e)}); retry", e);
            }

            if (RestoreValidationStatus.IsFinal(job.ValidationStatus))
            {
                _log.Info($"validation status already {job.ValidationStatus} (a retried record step); not sent again", report.RestoreJobId);
            }
            else
            {
                await _deps.Backup.PutRestoreValidationResultAsync(report.RestoreJobId, status, report.ValidationMessage, cancellationToken).ConfigureAwait(false);
            }
        }

        var settingsTier = report.Tier;
        _emf.Write(_settings.StoreName, report.ResourceType, report.ValidatedAt,
        [
            (DrillMetricNames.RestoreDurationSeconds, report.RestoreDurationSeconds, DrillMetrics.SecondsUnit),
            (DrillMetricNames.RecoveryPointAgeSeconds, report.RecoveryPointAgeSeconds, DrillMetrics.SecondsUnit),
            (DrillMetricNames.DataFreshnessSeconds, report.DataFreshnessSeconds, DrillMetrics.SecondsUnit),
            (DrillMetricNames.Success, report.Result == DrillResult.Failed ? 0 : 1, DrillMetrics.CountUnit),
            (DrillMetricNames.DataValidated, verdict.DataValidated ? 1 : 0, DrillMetrics.CountUnit),
        ],
        new Dictionary<string, string?>
        {
            ["RestoreJobId"] = report.RestoreJobId,
            ["Tier"] = settingsTier,
            ["Result"] = report.Result,
            ["ReportKey"] = reportKey,
        });
        _log.Info($"drill {report.Result}: {report.ValidationMessage}", report.RestoreJobId);
        return new DrillOutcome
        {
            Outcome = report.Result,
            RestoreJobId = report.RestoreJobId,
            ValidationStatus = report.ValidationStatusSent,
            Message = report.ValidationMessage,
            ReportKey = reportKey,
        };
    }

    /// <summary>The verdict for a restore job the validator may not read (a permanent refusal): FAILED, with the reason.</summary>
    public DrillVerdict UnreadableJobVerdict(string eventJson, DrillFlowState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var evt = RestoreJobEvent.Parse(eventJson);
        var settings = _settings.For(evt.SourceResourceArn);
        var target = _settings.Tiers[settings.Tier];
        var checks = new List<DrillCheck> { DrillCheck.Fail("restore.readable", state.Message) };
        return new DrillVerdict
        {
            DataValidated = false,
            Report = new DrillReport
            {
                Store = _settings.StoreName,
                Tier = settings.Tier,
                Region = _settings.Region,
                AccountId = evt.Account,
                ResourceType = evt.ResourceType ?? "Unknown",
                RestoreJobId = evt.RestoreJobId,
                SourceResourceArn = evt.SourceResourceArn,
                CreatedResourceArn = evt.CreatedResourceArn,
                RecoveryPointArn = evt.RecoveryPointArn,
                RestoreJobStatus = evt.Status,
                ValidatedAt = _deps.Clock.GetUtcNow(),
                RtoTargetSeconds = target.RtoSeconds,
                RpoTargetSeconds = target.RpoSeconds,
                MaxDataFreshnessSeconds = target.EffectiveFreshnessSeconds,
                MaxRecoveryPointAgeSeconds = target.MaxRecoveryPointAgeSeconds,
                Checks = checks,
                Result = DrillResult.Failed,
                ValidationStatusSent = RestoreValidationStatus.Failed,
                ValidationMessage = state.Message,
            },
        };
    }

    /// <summary>How often the flow reads a restore job that an event called final before giving up (alarmed as a failed execution).</summary>
    public const int MaxInspectAttempts = 10;

    /// <summary>The verdict is due this long before the validation window closes.</summary>
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromMinutes(10);

    // The lock outlives the validation window by 30 days, then DynamoDB's TTL removes it.
    private static string LockExpiry(DateTimeOffset from) =>
        (from + TimeSpan.FromDays(30)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    // Exponential backoff from POLL_BASE_SECONDS, capped at POLL_MAX_SECONDS and by the time left before the deadline.
    private int Backoff(int attempt, DateTimeOffset? deadline)
    {
        var seconds = Math.Min(_settings.PollMax.TotalSeconds, _settings.PollBase.TotalSeconds * Math.Pow(2, Math.Min(attempt, 16)));
        if (deadline is { } d)
        {
            seconds = Math.Min(seconds, Math.Max(1, (d - _deps.Clock.GetUtcNow()).TotalSeconds));
        }

        return (int)Math.Max(1, Math.Ceiling(seconds));
    }

    /// <summary>Throttling, 5xx and client-side failures (timeouts, network, malformed answers) say nothing about the data.</summary>
    internal static bool IsTransient(Exception e) => e switch
    {
        AwsClientException => true,
        AwsServiceException s => s.StatusCode >= 500 || s.StatusCode == 429 || AwsErrorParser.IsThrottling(s.ErrorCode),
        HttpRequestException or TimeoutException => true,
        TaskCanceledException => true,
        _ => false,
    };

    private DrillFlowState IgnoreState(string jobId, string reason)
    {
        _log.Info($"ignored: {reason}", jobId);
        return new DrillFlowState { Decision = DrillFlowState.Ignore, RestoreJobId = jobId, Message = reason };
    }

    private async Task<ResourceValidation?> RunValidatorAsync(RestoreJobDescription job, string resourceType, ResourceSettings settings, TierTarget target, List<DrillCheck> checks, string? temporaryInstanceId, RdsProbeCredentials credentials, CancellationToken cancellationToken)
    {
        var validator = resourceType switch
        {
            "DynamoDB" => _dynamoDb,
            "S3" => _s3,
            "RDS" or "Aurora" => credentials == RdsProbeCredentials.OneTimePassword ? _rdsOneTimePassword : _rds,
            _ => _stateOnly,
        };
        var context = new ValidationContext { Job = job, CreatedResourceArn = job.CreatedResourceArn!, Settings = settings, Target = target, TemporaryInstanceId = temporaryInstanceId };
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

    private bool IsOurPlan(string planArn) =>
        _settings.RestoreTestingPlanArns.Count == 0 || _settings.RestoreTestingPlanArns.Contains(planArn, StringComparer.Ordinal);

    private static string Truncate(string text) => DrillJudge.Truncate(text);

    private static string Describe(Exception e) => e switch
    {
        AwsServiceException aws => $"{aws.Service} {aws.ErrorCode}: {aws.AwsMessage}",
        AmazonServiceException sdk => $"{sdk.ErrorCode ?? sdk.GetType().Name}: {sdk.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
