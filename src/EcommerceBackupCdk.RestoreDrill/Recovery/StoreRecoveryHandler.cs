using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Validators;

namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>
/// The steps of the <c>&lt;store&gt;-store-recovery</c> state machine that need code (DESIGN §10). Each call is one
/// action: <c>collect</c> (pages of GetResources), <c>plan</c> (one point in time or a refusal), <c>start</c>,
/// <c>poll</c>, <c>validate</c> (the drill validator's own checks), <c>report</c> and <c>cleanup</c>. Long waits
/// live in Step Functions; every call returns within seconds. It creates only recovery-prefixed resources and
/// deletes only those carrying its execution's tag.
/// </summary>
public sealed class StoreRecoveryHandler
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly RecoverySettings _settings;
    private readonly StoreRecoveryDependencies _deps;
    private readonly RecoveryReporter _reporter;

    public StoreRecoveryHandler(RecoverySettings settings, StoreRecoveryDependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(dependencies);
        _settings = settings;
        _deps = dependencies;
        _reporter = new RecoveryReporter(settings, dependencies);
    }

    /// <summary>Builds the handler with the real AWS clients.</summary>
    public static StoreRecoveryHandler Create(RecoverySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var d = settings.Drill;
        var aws = new AwsClientSet(d);
        return new StoreRecoveryHandler(settings, new StoreRecoveryDependencies
        {
            RecoveryRds = new RecoveryRdsApiClient(aws.Options(d.RdsEndpoint)),
            Rds = aws.Rds,
            Secrets = aws.Secrets,
            DynamoDb = aws.DynamoDb,
            S3 = aws.S3,
            RecoveryBackup = new RecoveryBackupApiClient(aws.Options(d.BackupEndpoint)),
            Backup = aws.Backup,
        });
    }

    /// <summary>Dispatches on <c>action</c>; an unknown action or a malformed event throws (the state machine fails loudly).</summary>
    public async Task<JsonNode?> HandleAsync(string eventJson, CancellationToken cancellationToken)
    {
        using var doc = JsonDocument.Parse(eventJson);
        var root = doc.RootElement;
        var action = root.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        object? result = action switch
        {
            "collect" => Collect(root),
            "plan" => await PlanAsync(root, cancellationToken).ConfigureAwait(false),
            "start" => await StartAsync(Read<PlannedResource>(root, "resource"), Time(root, "pointInTime"), Str(root, "executionName"), cancellationToken).ConfigureAwait(false),
            "poll" => await PollAsync(Read<PlannedResource>(root, "resource"), Int(root, "attempt"), Str(root, "executionName"), cancellationToken).ConfigureAwait(false),
            "validate" => await ValidateAsync(Read<PlannedResource>(root, "resource"), Str(root, "tier"), Time(root, "startedAt"), Str(root, "mode"), cancellationToken).ConfigureAwait(false),
            "report" => await _reporter.ReportAsync(Read<RecoveryPlan>(root, "plan"), ReadResults(root), root.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.Object ? f.GetRawText() : null, cancellationToken).ConfigureAwait(false),
            "cleanup" => await CleanupAsync(WithRestoreJob(Read<PlannedResource>(root, "resource"), ReadResults(root)), Str(root, "executionName"), Int(root, "attempt"), cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"action: unknown (got '{action}', allowed collect | plan | start | poll | validate | report | cleanup)"),
        };
        return JsonSerializer.SerializeToNode(result, result?.GetType() ?? typeof(object), Json);
    }

    /// <summary>
    /// Appends one GetResources page to the ARNs collected so far. The page is read without regard to member
    /// casing, because the Step Functions AWS SDK integration's result casing is not the one place we could verify.
    /// </summary>
    internal static object Collect(JsonElement root)
    {
        var arns = new List<string>();
        if (root.TryGetProperty("collected", out var c) && c.ValueKind == JsonValueKind.Object && Member(c, "arns") is { ValueKind: JsonValueKind.Array } list)
        {
            arns.AddRange(list.EnumerateArray().Select(e => e.GetString()!).Where(s => s is not null));
        }

        string token = string.Empty;
        if (root.TryGetProperty("page", out var page) && page.ValueKind == JsonValueKind.Object)
        {
            if (Member(page, "ResourceTagMappingList") is { ValueKind: JsonValueKind.Array } mappings)
            {
                arns.AddRange(mappings.EnumerateArray().Select(m => Member(m, "ResourceARN")?.GetString()).OfType<string>());
            }

            token = Member(page, "PaginationToken")?.GetString() ?? string.Empty;
        }

        return new { arns = arns.Distinct(StringComparer.Ordinal).ToList(), token };
    }

    private async Task<RecoveryPlan> PlanAsync(JsonElement root, CancellationToken cancellationToken)
    {
        var execution = root.GetProperty("execution");
        var executionName = Str(execution, "name");
        var context = new RecoveryPlan
        {
            Store = _settings.Drill.StoreName,
            ExecutionName = executionName,
            StartedAt = Time(execution, "startTime"),
        };
        var (input, problems) = RecoveryInput.Parse(root.GetProperty("input"), [.. _settings.Drill.Tiers.Keys], _settings.Drill.Defaults.Tier);
        if (input is null)
        {
            return context with { Refused = true, Reason = "nothing was restored: " + string.Join("; ", problems) };
        }

        var arns = root.TryGetProperty("arns", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToList()
            : [];
        var resources = new List<PlannedResource>();
        var unusable = new List<string>();
        var skipped = new List<string>();
        foreach (var arn in arns.Order(StringComparer.Ordinal))
        {
            if (!ResourceArn.TryParse(arn, out var parsed))
            {
                skipped.Add($"{arn}: not an ARN");
                continue;
            }

            if (parsed.DynamoDbTableName is { } table)
            {
                var backups = await _deps.DynamoDb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = table }, cancellationToken).ConfigureAwait(false);
                var pitr = backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
                if (pitr?.PointInTimeRecoveryStatus != PointInTimeRecoveryStatus.ENABLED)
                {
                    unusable.Add($"{arn} has point-in-time recovery {pitr?.PointInTimeRecoveryStatus?.Value ?? "DISABLED"}; enable it (the DataProtectionAspect does for tables in the app)");
                    continue;
                }

                resources.Add(new PlannedResource
                {
                    Kind = RecoveryKinds.DynamoDb,
                    SourceArn = arn,
                    SourceName = table,
                    RestoredName = RecoveryNames.DynamoDb(executionName, table),
                    EarliestRestorableTime = Utc(pitr.EarliestRestorableDateTime),
                    LatestRestorableTime = Utc(pitr.LatestRestorableDateTime),
                });
            }
            else if (parsed.RdsClusterId is { } clusterId)
            {
                var cluster = await _deps.RecoveryRds.DescribeClusterAsync(clusterId, cancellationToken).ConfigureAwait(false);
                var restored = RecoveryNames.Rds(executionName, clusterId);
                resources.Add(new PlannedResource
                {
                    Kind = RecoveryKinds.AuroraCluster,
                    SourceArn = arn,
                    SourceName = clusterId,
                    RestoredName = restored,
                    InstanceName = RecoveryNames.AuroraInstance(restored),
                    Engine = cluster.Engine,
                    EarliestRestorableTime = cluster.EarliestRestorableTime,
                    LatestRestorableTime = cluster.LatestRestorableTime,
                });
            }
            else if (parsed.RdsInstanceId is { } instanceId)
            {
                var instance = await _deps.RecoveryRds.DescribeInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
                if (instance.ClusterIdentifier is not null)
                {
                    skipped.Add($"{arn}: member of cluster '{instance.ClusterIdentifier}', restored with its cluster");
                    continue;
                }

                if (instance.BackupRetentionPeriodDays is not > 0 || instance.LatestRestorableTime is null)
                {
                    unusable.Add($"{arn} has no automated backups (BackupRetentionPeriod {instance.BackupRetentionPeriodDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}), so it has no point-in-time restore");
                    continue;
                }

                // "You can restore to any point in time before the time identified by the LatestRestorableTime property.
                // You can restore to a point up to the number of days specified by the BackupRetentionPeriod property."
                // (https://docs.aws.amazon.com/cli/latest/reference/rds/restore-db-instance-to-point-in-time.html)
                var earliest = instance.LatestRestorableTime.Value.AddDays(-instance.BackupRetentionPeriodDays.Value);
                if (instance.CreateTime is { } created && created > earliest)
                {
                    earliest = created;
                }

                resources.Add(new PlannedResource
                {
                    Kind = RecoveryKinds.RdsInstance,
                    SourceArn = arn,
                    SourceName = instanceId,
                    RestoredName = RecoveryNames.Rds(executionName, instanceId),
                    Engine = instance.Engine,
                    EarliestRestorableTime = earliest,
                    LatestRestorableTime = instance.LatestRestorableTime,
                });
            }
            else if (parsed.S3BucketName is { } bucket)
            {
                if (_settings.BackupRestoreRoleArn is null)
                {
                    unusable.Add($"{arn}: S3 is restored through AWS Backup, which needs a restore role; set {RecoveryVariables.BackupRestoreRoleArn}");
                    continue;
                }

                var points = await _deps.RecoveryBackup.ListRecoveryPointsByResourceAsync(arn, cancellationToken).ConfigureAwait(false);
                // Only a continuous recovery point can be restored to a chosen second: RestoreTime is "only valid for
                // continuous recovery points" (restoring-s3, see S3RestoreMetadata). A snapshot point would restore the
                // bucket to its own backup time, not the store's common point, so it is not used.
                var point = points.Where(p => IsContinuousRecoveryPoint(p.RecoveryPointArn) && p.Status is null or "COMPLETED" or "PARTIAL")
                    .OrderByDescending(p => p.CreationDate).FirstOrDefault();
                if (point is null)
                {
                    unusable.Add($"{arn} has no continuous AWS Backup recovery point (found {points.Count} recovery point(s), none continuous and usable); enrol the bucket in the tier's continuous backup rule");
                    continue;
                }

                // No restorable window is documented for an S3 continuous recovery point in the API fields we read,
                // so the bucket does not constrain the common point; the report says the bucket's point is unverified.
                resources.Add(new PlannedResource
                {
                    Kind = RecoveryKinds.S3,
                    SourceArn = arn,
                    SourceName = bucket,
                    RestoredName = RecoveryNames.S3(executionName, bucket),
                    RecoveryPointArn = point.RecoveryPointArn,
                });
            }
            else
            {
                skipped.Add($"{arn}: store recovery restores DynamoDB tables, RDS instances, Aurora clusters and S3 buckets only");
            }
        }

        return RecoveryPlanner.Plan(input, resources, unusable, context) with { Skipped = skipped };
    }

    private async Task<PlannedResource> StartAsync(PlannedResource resource, DateTimeOffset pointInTime, string executionName, CancellationToken cancellationToken)
    {
        RequirePrefix(resource);
        var tags = new Dictionary<string, string> { [RestoreTestNames.RecoveryExecutionTag] = executionName };
        switch (resource.Kind)
        {
            case RecoveryKinds.DynamoDb:
                // "RestoreTableToPointInTime ... restores the specified table to the specified point in time within
                // EarliestRestorableDateTime and LatestRestorableDateTime" (DynamoDB API reference); the request has no
                // tags, so the restored table is tagged right after with the execution name.
                var restore = await _deps.DynamoDb.RestoreTableToPointInTimeAsync(new RestoreTableToPointInTimeRequest
                {
                    SourceTableName = resource.SourceName,
                    TargetTableName = resource.RestoredName,
                    RestoreDateTime = pointInTime.UtcDateTime,
                    UseLatestRestorableTime = false,
                }, cancellationToken).ConfigureAwait(false);
                var tableArn = restore.TableDescription?.TableArn;
                if (tableArn is not null)
                {
                    await _deps.DynamoDb.TagResourceAsync(new TagResourceRequest
                    {
                        ResourceArn = tableArn,
                        Tags = [new Amazon.DynamoDBv2.Model.Tag { Key = RestoreTestNames.RecoveryExecutionTag, Value = executionName }],
                    }, cancellationToken).ConfigureAwait(false);
                }

                return resource with { RestoredArn = tableArn };
            case RecoveryKinds.RdsInstance:
                await _deps.RecoveryRds.RestoreInstanceToPointInTimeAsync(resource.SourceName, resource.RestoredName, pointInTime, tags, cancellationToken).ConfigureAwait(false);
                return resource;
            case RecoveryKinds.AuroraCluster:
                await _deps.RecoveryRds.RestoreClusterToPointInTimeAsync(resource.SourceName, resource.RestoredName, pointInTime, tags, cancellationToken).ConfigureAwait(false);
                return resource;
            case RecoveryKinds.S3:
                var jobId = await _deps.RecoveryBackup.StartRestoreJobAsync(resource.RecoveryPointArn!, _settings.BackupRestoreRoleArn!, "S3",
                    S3RestoreMetadata(resource.RestoredName, pointInTime),
                    $"{RecoveryNames.Token(executionName)}-{resource.SourceName}"[..Math.Min(64, 9 + resource.SourceName.Length)], cancellationToken).ConfigureAwait(false);
                return resource with { RestoreJobId = jobId };
            default:
                throw new ArgumentException($"resource.kind: unknown (got '{resource.Kind}')");
        }
    }

    private async Task<PollResult> PollAsync(PlannedResource resource, int attempt, string executionName, CancellationToken cancellationToken)
    {
        PollResult Result(string state, string message, PlannedResource? r = null) => new() { Resource = r ?? resource, State = state, Attempt = attempt + 1, Message = message };
        switch (resource.Kind)
        {
            case RecoveryKinds.DynamoDb:
                var table = await _deps.DynamoDb.DescribeTableAsync(resource.RestoredName, cancellationToken).ConfigureAwait(false);
                var status = table.Table.TableStatus?.Value;
                return status == "ACTIVE"
                    ? Result(PollResult.Ready, "table ACTIVE", resource with { RestoredArn = table.Table.TableArn })
                    : Result(PollResult.Waiting, $"table {status}");
            case RecoveryKinds.RdsInstance:
                var instance = await _deps.RecoveryRds.DescribeInstanceAsync(resource.RestoredName, cancellationToken).ConfigureAwait(false);
                return instance.Status switch
                {
                    "available" => Result(PollResult.Ready, "instance available", resource with { RestoredArn = instance.Arn }),
                    "failed" or "incompatible-restore" or "incompatible-parameters" or "storage-full" => Result(PollResult.Failed, $"instance {instance.Status}"),
                    _ => Result(PollResult.Waiting, $"instance {instance.Status}"),
                };
            case RecoveryKinds.AuroraCluster:
                var cluster = await _deps.RecoveryRds.DescribeClusterAsync(resource.RestoredName, cancellationToken).ConfigureAwait(false);
                if (cluster.Status != "available")
                {
                    return cluster.Status is "failed" or "inaccessible-encryption-credentials"
                        ? Result(PollResult.Failed, $"cluster {cluster.Status}")
                        : Result(PollResult.Waiting, $"cluster {cluster.Status}");
                }

                if (!cluster.Members.Contains(resource.InstanceName!))
                {
                    // "You can create DB instances only after the RestoreDBClusterToPointInTime operation has completed
                    // and the DB cluster is available." (RDS API reference, RestoreDBClusterToPointInTime)
                    await _deps.RecoveryRds.CreateClusterInstanceAsync(resource.RestoredName, resource.InstanceName!, resource.Engine ?? cluster.Engine ?? "aurora-postgresql",
                        _settings.AuroraInstanceClass, new Dictionary<string, string> { [RestoreTestNames.RecoveryExecutionTag] = executionName }, cancellationToken).ConfigureAwait(false);
                    return Result(PollResult.Waiting, $"cluster available; instance {resource.InstanceName} created");
                }

                var member = await _deps.RecoveryRds.DescribeInstanceAsync(resource.InstanceName!, cancellationToken).ConfigureAwait(false);
                return member.Status == "available"
                    ? Result(PollResult.Ready, "cluster and instance available", resource with { RestoredArn = cluster.Arn })
                    : Result(member.Status == "failed" ? PollResult.Failed : PollResult.Waiting, $"instance {member.Status}");
            case RecoveryKinds.S3:
                var job = await _deps.Backup.DescribeRestoreJobAsync(resource.RestoreJobId!, cancellationToken).ConfigureAwait(false);
                return job.Status switch
                {
                    // "One or more (but not all) objects failed to be restored. | COMPLETED | "One or more objects failed
                    // to be restored from {RecoveryPointARN} to {bucket}. ..."" (restoring-s3, S3 restore messages): a
                    // COMPLETED job can still have lost objects, so that message fails the branch.
                    "COMPLETED" when job.StatusMessage?.Contains("failed to be restored", StringComparison.OrdinalIgnoreCase) == true =>
                        Result(PollResult.Failed, $"restore job COMPLETED with failures: {job.StatusMessage}"),
                    "COMPLETED" => Result(PollResult.Ready, "restore job COMPLETED", resource with { RestoredArn = job.CreatedResourceArn }),
                    "FAILED" or "ABORTED" => Result(PollResult.Failed, $"restore job {job.Status}: {job.StatusMessage}"),
                    _ => Result(PollResult.Waiting, $"restore job {job.Status}"),
                };
            default:
                throw new ArgumentException($"resource.kind: unknown (got '{resource.Kind}')");
        }
    }

    /// <summary>Runs the drill validator's checks for the resource type against the restored copy (reused classes, not copies).</summary>
    /// <remarks>
    /// Drill mode probes restored databases with a one-time master password set on the throw-away copy (the drill
    /// flow's approach: the restored copy carries the password of its recovery point, while managed secrets rotate).
    /// Incident mode never changes the restored database the store will cut over to, so it probes with the
    /// configured secret.
    /// </remarks>
    private async Task<ResourceResult> ValidateAsync(PlannedResource resource, string tier, DateTimeOffset startedAt, string mode, CancellationToken cancellationToken)
    {
        var d = _settings.Drill;
        var credentials = mode == RecoveryInput.Drill ? RdsProbeCredentials.OneTimePassword : RdsProbeCredentials.Secret;
        IResourceValidator validator = resource.Kind switch
        {
            RecoveryKinds.DynamoDb => _deps.DynamoDbCheck(d.DynamoDbScanSegments),
            RecoveryKinds.S3 => _deps.S3Check(),
            _ => _deps.RdsCheck(credentials),
        };
        var restoredArn = resource.RestoredArn ?? throw new ArgumentException($"resource.restoredArn: missing for '{resource.RestoredName}'; poll did not report it ready");
        var settings = d.For(resource.SourceArn);
        var target = d.Tiers.TryGetValue(tier, out var t) ? t : d.Tiers[settings.Tier];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(d.ValidationTimeout);
        var validation = await validator.ValidateAsync(new ValidationContext
        {
            Job = new RestoreJobDescription { RestoreJobId = resource.RestoreJobId ?? resource.RestoredName, Status = "COMPLETED", CreatedResourceArn = restoredArn },
            CreatedResourceArn = restoredArn,
            // The instance this execution added to the restored Aurora cluster: the validator checks it is available
            // in that cluster before probing SQL (as for the drill flow's temporary instance).
            TemporaryInstanceId = resource.Kind == RecoveryKinds.AuroraCluster ? resource.InstanceName : null,
            Settings = settings,
            Target = target,
        }, timeout.Token).ConfigureAwait(false);
        var now = _deps.Clock.GetUtcNow();
        var failed = validation.Checks.Any(c => c.Status == DrillCheck.Failed);
        return new ResourceResult
        {
            Resource = resource,
            Status = failed ? ResourceResult.Failed : ResourceResult.Passed,
            Checks = validation.Checks,
            RecordCount = validation.RecordCount,
            NewestRecordAt = validation.NewestRecordAt,
            ValidatedAt = now,
            RtoSeconds = (long)Math.Ceiling((now - startedAt).TotalSeconds),
            Endpoint = await EndpointAsync(resource, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<string?> EndpointAsync(PlannedResource resource, CancellationToken cancellationToken)
    {
        switch (resource.Kind)
        {
            case RecoveryKinds.RdsInstance:
                var i = await _deps.RecoveryRds.DescribeInstanceAsync(resource.RestoredName, cancellationToken).ConfigureAwait(false);
                return i.EndpointAddress is null ? null : $"{i.EndpointAddress}:{i.EndpointPort}";
            case RecoveryKinds.AuroraCluster:
                var c = await _deps.RecoveryRds.DescribeClusterAsync(resource.RestoredName, cancellationToken).ConfigureAwait(false);
                return c.EndpointAddress is null ? null : $"{c.EndpointAddress}:{c.EndpointPort}";
            case RecoveryKinds.DynamoDb:
                return resource.RestoredArn;
            default:
                return $"s3://{resource.RestoredName}";
        }
    }

    /// <summary>
    /// Deletes one thing this execution created, and only that: the name must carry the recovery prefix and the
    /// resource the tag of this execution (S3: the restore job this execution started must have created it).
    /// Returns GONE once nothing is left, DELETING while AWS deletes.
    /// </summary>
    private async Task<CleanupResult> CleanupAsync(PlannedResource resource, string executionName, int attempt, CancellationToken cancellationToken)
    {
        RequirePrefix(resource);
        CleanupResult Result(string state, string message) => new() { Resource = resource, State = state, Attempt = attempt + 1, Message = message };
        try
        {
            switch (resource.Kind)
            {
                case RecoveryKinds.DynamoDb:
                    var table = await _deps.DynamoDb.DescribeTableAsync(resource.RestoredName, cancellationToken).ConfigureAwait(false);
                    if (table.Table.TableStatus == TableStatus.DELETING)
                    {
                        return Result(CleanupResult.Deleting, "table DELETING");
                    }

                    var tags = await _deps.DynamoDb.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = table.Table.TableArn }, cancellationToken).ConfigureAwait(false);
                    if (!(tags.Tags ?? []).Any(tg => tg.Key == RestoreTestNames.RecoveryExecutionTag && tg.Value == executionName))
                    {
                        return Result(CleanupResult.Refused, $"table '{resource.RestoredName}' does not carry {RestoreTestNames.RecoveryExecutionTag}={executionName}; not created by this execution, left alone");
                    }

                    await _deps.DynamoDb.DeleteTableAsync(resource.RestoredName, cancellationToken).ConfigureAwait(false);
                    return Result(CleanupResult.Deleting, "DeleteTable sent");
                case RecoveryKinds.RdsInstance:
                    return await DeleteRdsInstanceAsync(resource.RestoredName, executionName, Result, cancellationToken).ConfigureAwait(false);
                case RecoveryKinds.AuroraCluster:
                    var cluster = await _deps.RecoveryRds.DescribeClusterAsync(resource.RestoredName, cancellationToken).ConfigureAwait(false);
                    if (!await CreatedByAsync(cluster.Arn, executionName, cancellationToken).ConfigureAwait(false))
                    {
                        return Result(CleanupResult.Refused, $"cluster '{resource.RestoredName}' does not carry {RestoreTestNames.RecoveryExecutionTag}={executionName}; left alone");
                    }

                    if (cluster.Members.Count > 0)
                    {
                        foreach (var member in cluster.Members.Where(m => m.StartsWith(RestoreTestNames.RecoveryPrefix, StringComparison.Ordinal)))
                        {
                            await DeleteRdsInstanceAsync(member, executionName, Result, cancellationToken).ConfigureAwait(false);
                        }

                        return Result(CleanupResult.Deleting, "deleting the cluster's instance first");
                    }

                    if (cluster.Status != "deleting")
                    {
                        await _deps.RecoveryRds.DeleteClusterAsync(resource.RestoredName, cancellationToken).ConfigureAwait(false);
                    }

                    return Result(CleanupResult.Deleting, "DeleteDBCluster sent");
                case RecoveryKinds.S3:
                    if (resource.RestoreJobId is null)
                    {
                        return Result(CleanupResult.Gone, "no restore job was started");
                    }

                    var job = await _deps.Backup.DescribeRestoreJobAsync(resource.RestoreJobId, cancellationToken).ConfigureAwait(false);
                    if (job.CreatedResourceArn != $"arn:aws:s3:::{resource.RestoredName}")
                    {
                        return Result(job.Status is "COMPLETED" or "FAILED" or "ABORTED" ? CleanupResult.Gone : CleanupResult.Deleting,
                            $"restore job {job.Status}; it created '{job.CreatedResourceArn}', nothing of ours to delete yet");
                    }

                    await EmptyAndDeleteBucketAsync(resource.RestoredName, cancellationToken).ConfigureAwait(false);
                    return Result(CleanupResult.Gone, "bucket emptied and deleted");
                default:
                    throw new ArgumentException($"resource.kind: unknown (got '{resource.Kind}')");
            }
        }
        catch (Exception e) when (IsNotFound(e))
        {
            return Result(CleanupResult.Gone, "nothing left");
        }
    }

    /// <summary>
    /// The cleanup map iterates the plan's resources, which cannot know the S3 restore job id (StartRestoreJob returns
    /// it); the branch results carry it, so it is taken from there. Without it the restored bucket would be left behind.
    /// </summary>
    internal static PlannedResource WithRestoreJob(PlannedResource resource, IReadOnlyList<ResourceResult> results) =>
        resource.RestoreJobId is null && results.FirstOrDefault(r => r.Resource.SourceArn == resource.SourceArn && r.Resource.RestoreJobId is not null) is { } known
            ? resource with { RestoreJobId = known.Resource.RestoreJobId }
            : resource;

    private async Task<CleanupResult> DeleteRdsInstanceAsync(string identifier, string executionName, Func<string, string, CleanupResult> result, CancellationToken cancellationToken)
    {
        var instance = await _deps.RecoveryRds.DescribeInstanceAsync(identifier, cancellationToken).ConfigureAwait(false);
        if (!await CreatedByAsync(instance.Arn, executionName, cancellationToken).ConfigureAwait(false))
        {
            return result(CleanupResult.Refused, $"instance '{identifier}' does not carry {RestoreTestNames.RecoveryExecutionTag}={executionName}; left alone");
        }

        if (instance.Status != "deleting")
        {
            await _deps.RecoveryRds.DeleteInstanceAsync(identifier, cancellationToken).ConfigureAwait(false);
        }

        return result(CleanupResult.Deleting, $"instance {identifier} deleting");
    }

    private async Task<bool> CreatedByAsync(string? arn, string executionName, CancellationToken cancellationToken) =>
        arn is not null && (await _deps.RecoveryRds.ListTagsAsync(arn, cancellationToken).ConfigureAwait(false))
            .TryGetValue(RestoreTestNames.RecoveryExecutionTag, out var value) && value == executionName;

    private async Task EmptyAndDeleteBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        string? keyMarker = null, versionMarker = null;
        do
        {
            var page = await _deps.S3.ListVersionsAsync(new ListVersionsRequest { BucketName = bucket, KeyMarker = keyMarker, VersionIdMarker = versionMarker }, cancellationToken).ConfigureAwait(false);
            var versions = page.Versions ?? [];
            if (versions.Count > 0)
            {
                await _deps.S3.DeleteObjectsAsync(new DeleteObjectsRequest
                {
                    BucketName = bucket,
                    Objects = versions.Select(v => new KeyVersion { Key = v.Key, VersionId = v.VersionId }).ToList(),
                }, cancellationToken).ConfigureAwait(false);
            }

            (keyMarker, versionMarker) = page.IsTruncated == true ? (page.NextKeyMarker, page.NextVersionIdMarker) : (null, null);
        }
        while (keyMarker is not null);

        await _deps.S3.DeleteBucketAsync(bucket, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsNotFound(Exception e) => e switch
    {
        ResourceNotFoundException => true,
        AwsServiceException a => a.ErrorCode is "DBInstanceNotFound" or "DBInstanceNotFoundFault" or "DBClusterNotFoundFault" or "DBClusterNotFound",
        AmazonS3Exception s => s.ErrorCode == "NoSuchBucket",
        _ => false,
    };

    /// <summary>
    /// The StartRestoreJob metadata of an S3 bucket restored from its continuous recovery point into a new bucket.
    /// AWS Backup's S3 restore guide (https://docs.aws.amazon.com/aws-backup/latest/devguide/restoring-s3.html#s3-restore-cli)
    /// lists: "// Mandatory metadata: DestinationBucketName // The destination bucket for your restore." and
    /// "RestoreTime // The restore time (only valid for continuous recovery points where it is required, in format
    /// 2021-11-27T03:30:27Z)." and "EncryptionType // The type of encryption to encrypt your restored objects. Options
    /// are original (same encryption as the original object), SSE-S3, or SSE-KMS)." <c>NewBucket</c> is not in that
    /// list; it comes from AWS's restore-validation samples ("// Boolean to indicate whether to create a new bucket
    /// output.put("NewBucket", "true");"), the guide itself only saying "You can restore them to an existing or new bucket."
    /// </summary>
    internal static IReadOnlyDictionary<string, string> S3RestoreMetadata(string destinationBucket, DateTimeOffset pointInTime) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DestinationBucketName"] = destinationBucket,
            ["NewBucket"] = "true",
            ["EncryptionType"] = "original",
            ["RestoreTime"] = RecoverySettings.Iso(pointInTime),
        };

    /// <summary>
    /// Whether a recovery point is a continuous one. ListRecoveryPointsByResource has no field saying so; continuous
    /// points carry <c>recovery-point:continuous:</c> in their ARN (as in the restore examples around the AWS Backup
    /// docs, e.g. "arn:aws:backup:eu-central-1:012345678901:recovery-point:continuous:simphera-reference-production-0f51c39b")
    /// — an observed format, not one the API reference defines; the report says when no such point was found.
    /// </summary>
    internal static bool IsContinuousRecoveryPoint(string recoveryPointArn) =>
        recoveryPointArn.Contains(":recovery-point:continuous:", StringComparison.Ordinal);

    private static void RequirePrefix(PlannedResource resource)
    {
        if (!resource.RestoredName.StartsWith(RestoreTestNames.RecoveryPrefix, StringComparison.Ordinal) ||
            (resource.InstanceName is { } i && !i.StartsWith(RestoreTestNames.RecoveryPrefix, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"resource.restoredName: must start with '{RestoreTestNames.RecoveryPrefix}' (got '{resource.RestoredName}'); store recovery creates and deletes nothing else");
        }
    }

    private static JsonElement? Member(JsonElement obj, string name)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    private static T Read<T>(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? v.Deserialize<T>(Json) ?? throw new ArgumentException($"{name}: null") : throw new ArgumentException($"{name}: required");

    private static List<ResourceResult> ReadResults(JsonElement root) =>
        root.TryGetProperty("results", out var v) && v.ValueKind == JsonValueKind.Array ? v.Deserialize<List<ResourceResult>>(Json) ?? [] : [];

    private static string Str(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new ArgumentException($"{name}: required string");

    private static int Int(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

    private static DateTimeOffset Time(JsonElement root, string name) =>
        DateTimeOffset.Parse(Str(root, name), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

    private static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc)) : null;
}
