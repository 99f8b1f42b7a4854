using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Handlers;

namespace EcommerceBackupCdk.RestoreDrill.Bench;

/// <summary>
/// The drill flow's added latency per restore job (issue 12), excluding AWS's own instance-creation time: a DynamoDB
/// restore job handled the way the flow handles it — the validator's <c>inspect</c>, <c>validate</c> and <c>record</c>
/// actions through <see cref="DrillFlowHandler"/> with the JSON payloads the state machine passes, plus the flow's lock
/// (a conditional PutItem on dynalite, as the state machine's <c>dynamodb:putItem</c> task does) — against the same job
/// handled in one call (<see cref="RestoreDrillValidator.HandleAsync"/>, the pre-flow path). Same process, same clients,
/// warm; each job is new (DescribeRestoreJob on <see cref="FakeBackupServer"/>, Scan on dynalite, report PutObject on
/// moto, PutRestoreValidationResult), and each run must end with exactly one SUCCESSFUL validation.
/// Not in the figure: Step Functions' own state transitions and the Lambda service's per-invocation overhead
/// (3 invocations and 1 DynamoDB task instead of 1 invocation), which exist only in AWS.
/// </summary>
internal static class FlowMode
{
    private const string Table = "bench-flow-orders";
    private const string LockTable = "bench-flow-locks";
    private const string ReportBucket = "bench-drill-reports";

    public static async Task<string> RunAsync(Options options)
    {
        var reps = options.Int("reps", 40);
        var tableItems = options.Int("table-items", 1_000);
        var segments = 4;
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", Local.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", Local.SecretKey);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

        using var dynamo = Local.DynamoDb();
        var (tableArn, _, _) = await OrdersTable.EnsureSeededAsync(dynamo, Table, tableItems, segments: 1, concurrency: 4, showProgress: false);
        await EnsureLockTableAsync(dynamo);
        using var s3 = Local.S3();
        await EnsureBucketAsync(s3);
        using var backup = new FakeBackupServer();

        var settings = DrillSettings.FromEnvironment(new Dictionary<string, string>
        {
            [DrillVariables.StoreName] = "bench",
            [DrillVariables.ReportBucket] = ReportBucket,
            [DrillVariables.RestoreTestingPlanArns] = Local.PlanArn,
            [DrillVariables.Region] = Local.Region,
            [DrillVariables.BackupEndpoint] = backup.Endpoint.ToString(),
            [DrillVariables.DynamoDbEndpoint] = Local.DynamoDbEndpoint.ToString(),
            [DrillVariables.S3Endpoint] = Local.MotoEndpoint.ToString(),
            [DrillVariables.DynamoDbScanSegments] = segments.ToString(CultureInfo.InvariantCulture),
        });
        var validator = RestoreDrillValidator.Create(settings);
        var flow = new DrillFlowHandler(validator);
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "aws-sample-restore-job-completed.json")))!;
        var newest = OrdersTable.Newest(tableItems);

        string NewJob()
        {
            var jobId = $"BENCH-FLOW-{Guid.NewGuid():N}".ToUpperInvariant();
            var created = DateTimeOffset.UtcNow.AddMinutes(-20);
            backup.AddCompletedJob(jobId, tableArn, recoveryPointCreated: newest.AddSeconds(60), created, created.AddMinutes(8));
            var evt = sample.DeepClone();
            var detail = evt["detail"]!;
            detail["restoreJobId"] = jobId;
            detail["resourceType"] = "DynamoDB";
            detail["createdResourceArn"] = tableArn;
            detail["sourceResourceArn"] = tableArn.Replace(Table, "orders", StringComparison.Ordinal);
            detail["restoreTestingPlanArn"] = Local.PlanArn;
            return evt.ToJsonString();
        }

        async Task<double> DirectAsync()
        {
            var evt = NewJob();
            var before = backup.Validations.Count;
            var watch = Stopwatch.StartNew();
            var outcome = await validator.HandleAsync(evt, CancellationToken.None);
            watch.Stop();
            Check(outcome, backup, before, "one call");
            return watch.Elapsed.TotalMilliseconds;
        }

        async Task<double> FlowAsync()
        {
            var evt = JsonNode.Parse(NewJob())!;
            var before = backup.Validations.Count;
            var watch = Stopwatch.StartNew();
            var inspect = JsonNode.Parse(await flow.HandleAsync(new JsonObject { ["action"] = DrillFlowContract.Inspect, ["event"] = evt.DeepClone(), ["attempt"] = 0 }.ToJsonString(), CancellationToken.None))!;
            if (inspect["decision"]?.GetValue<string>() != DrillFlowState.Validate)
            {
                throw new BenchException($"inspect decided '{inspect["decision"]}', expected '{DrillFlowState.Validate}': {inspect.ToJsonString()}");
            }

            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = LockTable,
                Item = new Dictionary<string, AttributeValue>
                {
                    ["restoreJobId"] = new() { S = inspect["restoreJobId"]!.GetValue<string>() },
                    ["executionId"] = new() { S = Guid.NewGuid().ToString() },
                    ["expiresAt"] = new() { N = inspect["lockExpiresAt"]!.GetValue<string>() },
                },
                ConditionExpression = "attribute_not_exists(restoreJobId)",
            });
            var verdict = JsonNode.Parse(await flow.HandleAsync(new JsonObject { ["action"] = DrillFlowContract.Validate, ["event"] = evt.DeepClone(), ["drill"] = inspect.DeepClone() }.ToJsonString(), CancellationToken.None))!;
            var recorded = await flow.HandleAsync(new JsonObject
            {
                ["action"] = DrillFlowContract.Record,
                ["event"] = evt.DeepClone(),
                ["drill"] = inspect.DeepClone(),
                ["validate"] = new JsonObject { ["result"] = verdict },
                ["instance"] = new JsonObject { ["attempt"] = 0, ["waitSeconds"] = 1, ["gone"] = false },
            }.ToJsonString(), CancellationToken.None);
            watch.Stop();
            var outcome = System.Text.Json.JsonSerializer.Deserialize<DrillOutcome>(recorded, DrillFlowHandler.Json)!;
            Check(outcome, backup, before, "flow");
            return watch.Elapsed.TotalMilliseconds;
        }

        Console.Error.WriteLine("  warm-up: one discarded job each way");
        await DirectAsync();
        await FlowAsync();
        var direct = new List<double>();
        var flowed = new List<double>();
        for (var i = 1; i <= reps; i++)
        {
            // Alternate which goes first so drift spreads over both.
            if (i % 2 == 0)
            {
                direct.Add(await DirectAsync());
                flowed.Add(await FlowAsync());
            }
            else
            {
                flowed.Add(await FlowAsync());
                direct.Add(await DirectAsync());
            }

            Console.Error.WriteLine($"  job {i}/{reps}: one call {Stats.Ms(direct[^1])} ms, flow actions {Stats.Ms(flowed[^1])} ms");
        }

        return Render(direct, flowed, reps, tableItems, segments);
    }

    private static void Check(DrillOutcome outcome, FakeBackupServer backup, int before, string how)
    {
        if (outcome.Outcome != DrillOutcome.Succeeded)
        {
            throw new BenchException($"{how}: the drill ended {outcome.Outcome}: {outcome.Message}");
        }

        var sent = backup.Validations.Count - before;
        if (sent != 1)
        {
            throw new BenchException($"{how}: {sent} validation results were sent, expected exactly one");
        }
    }

    private static async Task EnsureLockTableAsync(AmazonDynamoDBClient dynamo)
    {
        try
        {
            await dynamo.CreateTableAsync(new CreateTableRequest
            {
                TableName = LockTable,
                AttributeDefinitions = [new AttributeDefinition("restoreJobId", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("restoreJobId", KeyType.HASH)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });
        }
        catch (ResourceInUseException)
        {
            // From an earlier run.
        }

        for (var i = 0; i < 100 && (await dynamo.DescribeTableAsync(LockTable)).Table.TableStatus != TableStatus.ACTIVE; i++)
        {
            await Task.Delay(100);
        }
    }

    private static async Task EnsureBucketAsync(AmazonS3Client s3)
    {
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = ReportBucket, BucketRegionName = Local.Region });
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // From an earlier run; moto keeps it while it runs.
        }
    }

    private static string Render(List<double> direct, List<double> flowed, int reps, int tableItems, int segments)
    {
        var d = Stats.Median(direct);
        var f = Stats.Median(flowed);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"A DynamoDB restore job ({tableItems:N0}-item restored table, {segments} scan segments), {reps} jobs each way after one warm-up, alternating order, same process and clients.");
        sb.AppendLine();
        sb.AppendLine("| path | median ms | min ms | max ms |");
        sb.AppendLine("|---|---:|---:|---:|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| one call (`RestoreDrillValidator.HandleAsync`, the pre-flow path) | {Stats.Ms(d)} | {Stats.Ms(direct.Min())} | {Stats.Ms(direct.Max())} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| drill flow actions (`inspect` + lock PutItem + `validate` + `record`, JSON payloads as the state machine passes them) | {Stats.Ms(f)} | {Stats.Ms(flowed.Min())} | {Stats.Ms(flowed.Max())} |");
        sb.AppendLine();
        sb.Append(CultureInfo.InvariantCulture, $"**Drill flow's added latency per restore job, excluding AWS's instance creation: {Stats.Ms(f - d)} ms by median** ({Stats.F(f / d, "0.00")}x the one-call path). ");
        sb.AppendLine("Every job ended SUCCEEDED with exactly one SUCCESSFUL validation sent. Not included (they exist only in AWS): Step Functions' state " +
            "transitions (9 states for a DynamoDB job) and the Lambda service's invocation overhead for the 2 extra invocations; for an Aurora job the " +
            "temporary instance's creation and deletion waits are AWS's time and are excluded as asked, the flow's own calls for them are 3 more short invocations " +
            "(createInstance, instanceStatus per poll, deleteInstance).");
        return sb.ToString();
    }
}
