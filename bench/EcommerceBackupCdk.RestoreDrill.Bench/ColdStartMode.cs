using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using EcommerceBackupCdk.RestoreDrill.Configuration;

namespace EcommerceBackupCdk.RestoreDrill.Bench;

/// <summary>
/// Mode "coldstart": starts bench/ColdStartHost in a fresh process per run, the way the managed dotnet runtime starts a
/// function (dotnet exec with the package's deps.json and runtimeconfig.json), and times spawn to the first handled event.
/// The validator handles a COMPLETED DynamoDB drill end to end against local parts: DescribeRestoreJob and
/// PutRestoreValidationResult on <see cref="FakeBackupServer"/>, DescribeTable and the parallel Scan on a small dynalite
/// table, the drill report PutObject on moto; every run must end SUCCEEDED with exactly one validation result sent.
/// </summary>
internal static class ColdStartMode
{
    private const string ReportBucket = "bench-drill-reports";
    private const string Table = "bench-coldstart-orders";

    public static async Task<string> RunAsync(Options options)
    {
        var host = Path.GetFullPath(options.Required("host"));
        var validatorDir = Path.GetFullPath(options.Required("validator"));
        var minimalDir = Path.GetFullPath(options.Required("minimal"));
        var runs = options.Int("runs", 10);
        var tableItems = options.Int("table-items", 100);
        var rid = options.Text("rid", "linux-x64");
        var work = Path.GetFullPath(options.Text("work-dir", Path.Combine(Path.GetTempPath(), "restore-drill-coldstart")));
        Directory.CreateDirectory(work);

        using var dynamo = Local.DynamoDb();
        var (tableArn, _, _) = await OrdersTable.EnsureSeededAsync(dynamo, Table, tableItems, segments: 1, concurrency: 4, showProgress: false);
        using (var s3 = Local.S3())
        {
            await EnsureBucketAsync(s3);
        }

        using var backup = new FakeBackupServer();
        const string validatorHandler = "EcommerceBackupCdk.RestoreDrill::EcommerceBackupCdk.RestoreDrill.Handlers.Function::Handle";
        var validator = new Subject("validator, full DynamoDB drill", validatorDir, "EcommerceBackupCdk.RestoreDrill", validatorHandler, Kind.Drill);
        var ignored = new Subject("validator, event of another plan (ignored, no AWS call)", validatorDir, "EcommerceBackupCdk.RestoreDrill", validatorHandler, Kind.Ignored);
        var minimal = new Subject("minimal Stream handler (bench/MinimalHandler)", minimalDir, "MinimalHandler", "MinimalHandler::MinimalHandler.Function::Handle", Kind.Minimal);
        Subject[] subjects = [validator, ignored, minimal];
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "aws-sample-restore-job-completed.json")))!;
        var newest = OrdersTable.Newest(tableItems);

        async Task<Run> OneAsync(Subject subject, int index)
        {
            // Two jobs per process: the first event is the cold one, the second a warm invocation in the same process.
            var files = new string[2];
            for (var k = 0; k < 2; k++)
            {
                var jobId = $"BENCH-{Guid.NewGuid():N}".ToUpperInvariant();
                var created = DateTimeOffset.UtcNow.AddMinutes(-20);
                backup.AddCompletedJob(jobId, tableArn, recoveryPointCreated: newest.AddSeconds(60), created, created.AddMinutes(8));
                var evt = sample.DeepClone();
                var detail = evt["detail"]!;
                detail["restoreJobId"] = jobId;
                detail["resourceType"] = "DynamoDB";
                detail["createdResourceArn"] = tableArn;
                detail["sourceResourceArn"] = tableArn.Replace(Table, "orders", StringComparison.Ordinal);
                detail["restoreTestingPlanArn"] = subject.Kind == Kind.Ignored ? Local.PlanArn.Replace("bench_drills", "someone_elses", StringComparison.Ordinal) : Local.PlanArn;
                files[k] = Path.Combine(work, $"event-{index}-{k}.json");
                await File.WriteAllTextAsync(files[k], evt.ToJsonString());
            }

            return await SpawnAsync(subject, host, files, backup.Endpoint);
        }

        Console.Error.WriteLine("  warm-up: one discarded run of each handler (page cache, dotnet muxer)");
        var results = new Dictionary<Subject, List<Run>>();
        foreach (var subject in subjects)
        {
            Check(subject, await OneAsync(subject, 0), backup);
            results[subject] = [];
        }

        for (var i = 1; i <= runs; i++)
        {
            // Rotate the order each round so drift (other load on the machine) spreads over all handlers.
            for (var k = 0; k < subjects.Length; k++)
            {
                var subject = subjects[(k + i) % subjects.Length];
                results[subject].Add(Check(subject, await OneAsync(subject, i), backup));
            }

            Console.Error.WriteLine($"  run {i}/{runs}: " + string.Join(", ", subjects.Select(x => $"{Stats.Ms(results[x][^1].SpawnToHandledMs)} ms")));
        }

        return Render(results, subjects, runs, rid, tableItems);
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

    private static async Task<Run> SpawnAsync(Subject subject, string host, string[] events, Uri backupEndpoint)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "exec",
            "--depsfile", Path.Combine(subject.Dir, subject.Assembly + ".deps.json"),
            "--runtimeconfig", Path.Combine(subject.Dir, subject.Assembly + ".runtimeconfig.json"),
            host, subject.Handler, events[0], events[1],
        })
        {
            start.ArgumentList.Add(arg);
        }

        // What Lambda would set for the function (the CDK side sets the validator's variables), plus local endpoints.
        start.Environment.Remove("AWS_PROFILE");
        start.Environment["AWS_REGION"] = Local.Region;
        start.Environment["AWS_DEFAULT_REGION"] = Local.Region;
        start.Environment["AWS_ACCESS_KEY_ID"] = Local.AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = Local.SecretKey;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment[DrillVariables.StoreName] = "bench";
        start.Environment[DrillVariables.ReportBucket] = ReportBucket;
        start.Environment[DrillVariables.RestoreTestingPlanArns] = Local.PlanArn;
        start.Environment[DrillVariables.BackupEndpoint] = backupEndpoint.ToString();
        start.Environment[DrillVariables.DynamoDbEndpoint] = Local.DynamoDbEndpoint.ToString();
        start.Environment[DrillVariables.S3Endpoint] = Local.MotoEndpoint.ToString();
        start.Environment[DrillVariables.DynamoDbScanSegments] = "4";

        var output = new StringBuilder();
        double? handledMs = null;
        JsonElement? cold = null, warm = null;
        start.Environment["BENCH_SPAWN_UTC_TICKS"] = DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new BenchException("could not start dotnet");
        var stderr = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("COLDSTART ", StringComparison.Ordinal))
            {
                handledMs = clock.Elapsed.TotalMilliseconds;
                cold = JsonDocument.Parse(line["COLDSTART ".Length..]).RootElement.Clone();
            }
            else if (line.StartsWith("WARM ", StringComparison.Ordinal))
            {
                warm = JsonDocument.Parse(line["WARM ".Length..]).RootElement.Clone();
            }
            else
            {
                output.AppendLine(line);
            }
        }

        await process.WaitForExitAsync();
        var exitMs = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0 || handledMs is null || cold is null || warm is null)
        {
            throw new BenchException($"{subject.Name}: host exited {process.ExitCode} without reporting both invocations.\nstdout:\n{output}\nstderr:\n{await stderr}");
        }

        return new Run(handledMs.Value, exitMs, cold.Value, warm.Value, Path.GetFileNameWithoutExtension(events[0]));
    }

    private static Run Check(Subject subject, Run run, FakeBackupServer backup)
    {
        foreach (var result in new[] { run.Cold, run.Warm })
        {
            var text = result.GetProperty("result").GetString() ?? string.Empty;
            var outcome = (string?)JsonNode.Parse(text)?["outcome"];
            var expected = subject.Kind switch { Kind.Drill => "SUCCEEDED", Kind.Ignored => "IGNORED", _ => "HANDLED" };
            if (outcome != expected)
            {
                throw new BenchException($"{subject.Name} answered '{text}', expected outcome {expected}");
            }

            if (subject.Kind != Kind.Minimal)
            {
                var jobId = (string?)JsonNode.Parse(text)?["restoreJobId"];
                var sent = backup.Validations.Where(v => v.JobId == jobId).ToList();
                var wanted = subject.Kind == Kind.Drill ? 1 : 0;
                if (sent.Count != wanted || sent.Any(s => s.Status != "SUCCESSFUL"))
                {
                    throw new BenchException($"{subject.Name}: job {jobId} got {sent.Count} validation results ({string.Join(", ", sent.Select(s => s.Status))}), expected {wanted} SUCCESSFUL");
                }
            }
        }

        return run;
    }

    private static string Render(Dictionary<Subject, List<Run>> results, Subject[] order, int runs, string rid, int tableItems)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(inv, $"{runs} fresh processes per handler (after one discarded warm-up each), interleaved; packages published for {rid} (this machine's RID), " +
            $"started as `dotnet exec --depsfile <pkg>/<Asm>.deps.json --runtimeconfig <pkg>/<Asm>.runtimeconfig.json ColdStartHost.dll <handler> <event>`. " +
            $"All columns but min/max are medians in ms; the phase columns are measured inside the process, spawn → first event handled by the parent.");
        md.AppendLine();
        md.AppendLine("| handler | spawn → first event handled, median ms | min | max | of which: spawn → Main | load assembly + type (reflection) | init (constructor) | first invoke | CPU used until handled (all threads) | warm 2nd invoke (same process) | spawn → exit |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var subject in order)
        {
            var r = results[subject];
            string Med(Func<Run, double> f) => Stats.Ms(Stats.Median(r.Select(f).ToList()));
            var spawnToMain = r.All(x => x.Cold.GetProperty("spawnToMainMs").ValueKind == JsonValueKind.Number) ? Med(x => x.Cold.GetProperty("spawnToMainMs").GetDouble()) : "n/a";
            md.AppendLine(inv, $"| {subject.Name} | **{Med(x => x.SpawnToHandledMs)}** | {Stats.Ms(r.Min(x => x.SpawnToHandledMs))} | {Stats.Ms(r.Max(x => x.SpawnToHandledMs))} | {spawnToMain} | " +
                $"{Med(x => x.Cold.GetProperty("loadMs").GetDouble())} | {Med(x => x.Cold.GetProperty("initMs").GetDouble())} | {Med(x => x.Cold.GetProperty("invokeMs").GetDouble())} | " +
                $"{Med(x => x.Cold.GetProperty("cpuToHandledMs").GetDouble())} | {Med(x => x.Warm.GetProperty("invokeMs").GetDouble())} | {Med(x => x.ExitMs)} |");
        }

        var v = Stats.Median(results[order[0]].Select(x => x.SpawnToHandledMs).ToList());
        var m = Stats.Median(results[order[^1]].Select(x => x.SpawnToHandledMs).ToList());
        md.AppendLine();
        md.AppendLine(inv, $"**Validator cold start: {Stats.Ms(v)} ms vs {Stats.Ms(m)} ms for the minimal handler ({v / m:N1}x, +{Stats.Ms(v - m)} ms).** " +
            $"The validator's first event is a full COMPLETED DynamoDB drill of a {tableItems}-item dynalite table: DescribeRestoreJob, DescribeTable, " +
            $"4-segment Scan, report PutObject (moto), PutRestoreValidationResult, EMF log lines; every run returned SUCCEEDED and sent exactly one SUCCESSFUL validation. " +
            $"The ignored-event row is the same package and init, but the event names another restore testing plan, so the handler answers IGNORED before any AWS call: " +
            $"the difference to the full drill is the first use of the AWS SDK/HTTP stack and the drill itself. The minimal handler parses the event and answers, no I/O.");
        return md.ToString();
    }

    private enum Kind
    {
        Drill,
        Ignored,
        Minimal,
    }

    private sealed record Subject(string Name, string Dir, string Assembly, string Handler, Kind Kind);

    private sealed record Run(double SpawnToHandledMs, double ExitMs, JsonElement Cold, JsonElement Warm, string Label);
}
