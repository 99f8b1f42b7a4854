using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Validators;

namespace EcommerceBackupCdk.RestoreDrill.Bench;

/// <summary>
/// Mode "scan": the validator's DynamoDB data check of the seeded table (DynamoDbValidator.ValidateAsync, the code the
/// Lambda runs for a restored table: DescribeTable, ARN and ACTIVE checks, one parallel Scan projecting the timestamp
/// attribute, counting items and keeping the newest time) against a bare parallel Scan with Select=COUNT and the same
/// segments, and a bare Scan with the validator's projection (no parsing) to split the overhead. Runs interleave.
/// </summary>
internal static class ScanMode
{
    public static async Task<string> RunAsync(Options options)
    {
        var table = options.Text("table", SeedMode.DefaultTable);
        var items = options.Int("items", 100_000);
        var reps = options.Int("reps", 5);
        var serverPid = Local.PidFrom(options.Text("server-pid-file", string.Empty));
        var env = new Dictionary<string, string>
        {
            [DrillVariables.StoreName] = "bench",
            [DrillVariables.ReportBucket] = "bench-drill-reports",
            [DrillVariables.Region] = Local.Region,
            [DrillVariables.DynamoDbEndpoint] = Local.DynamoDbEndpoint.ToString(),
        };
        if (options.Text("segments", string.Empty) is { Length: > 0 } segmentsOption)
        {
            env[DrillVariables.DynamoDbScanSegments] = segmentsOption;
        }

        // The Lambda's own settings path: defaults (4 segments, attribute createdAt, minimum 1 item) unless overridden.
        var settings = DrillSettings.FromEnvironment(env);
        var segments = settings.DynamoDbScanSegments;
        using var client = Local.DynamoDb();
        var arn = (await client.DescribeTableAsync(table)).Table.TableArn;
        var resource = settings.For(arn);
        var context = new ValidationContext
        {
            Job = new RestoreJobDescription { RestoreJobId = "bench-scan", Status = "COMPLETED", ResourceType = "DynamoDB", CreatedResourceArn = arn },
            CreatedResourceArn = arn,
            Settings = resource,
            Target = settings.Tiers[resource.Tier],
        };
        var validator = new DynamoDbValidator(client, segments);
        var newest = OrdersTable.Newest(items);
        if (resource.TimestampAttribute != OrdersTable.TimestampAttribute)
        {
            throw new BenchException($"the validator's default timestamp attribute is '{resource.TimestampAttribute}', the table's is '{OrdersTable.TimestampAttribute}'");
        }

        var variants = new (string Name, Func<Task<int>> Run)[]
        {
            ("validator (DynamoDbValidator.ValidateAsync)", async () =>
            {
                var result = await validator.ValidateAsync(context, CancellationToken.None);
                if (result.RecordCount != items || result.NewestRecordAt != newest || result.Checks.Any(c => c.Status != DrillCheck.Passed))
                {
                    throw new BenchException($"validator found {result.RecordCount} items, newest {result.NewestRecordAt:O}; expected {items} and {newest:O}: " +
                        string.Join(" | ", result.Checks.Select(c => $"{c.Name} {c.Status}: {c.Detail}")));
                }

                return 0;
            }),
            ("bare Scan, Select=COUNT", async () =>
            {
                var (count, pages) = await OrdersTable.CountAsync(client, table, segments);
                return count == items ? pages : throw new BenchException($"bare COUNT scan found {count} items, expected {items}");
            }),
            ("bare Scan, projection of the timestamp only", async () =>
            {
                var (count, pages) = await ProjectedScanAsync(client, table, segments, OrdersTable.TimestampAttribute);
                return count == items ? pages : throw new BenchException($"bare projected scan found {count} items, expected {items}");
            }),
        };

        var samples = variants.Select(_ => new List<Sample>()).ToArray();
        var pageCounts = new int[variants.Length];
        Console.Error.WriteLine($"  warm-up: one untimed run of each variant ({items:N0} items, {segments} segments)");
        for (var v = 0; v < variants.Length; v++)
        {
            pageCounts[v] = await variants[v].Run();
        }

        for (var rep = 0; rep < reps; rep++)
        {
            // Rotate the order each repetition so drift (other load on the machine) spreads over all variants.
            for (var k = 0; k < variants.Length; k++)
            {
                var v = (k + rep) % variants.Length;
                samples[v].Add(await MeasureAsync(variants[v].Run, serverPid));
            }

            Console.Error.WriteLine($"  repetition {rep + 1}/{reps}: " + string.Join(", ", variants.Select((x, v) => $"{Stats.Ms(samples[v][^1].WallMs)} ms")));
        }

        var markdown = Render(table, items, segments, reps, variants.Select(v => v.Name).ToArray(), samples, pageCounts, serverPid is not null);
        var sweep = options.Text("sweep", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return sweep.Length == 0 ? markdown : markdown + await SweepAsync(client, context, table, items, newest, sweep, options.Int("sweep-reps", 3));
    }

    /// <summary>Validator and bare COUNT Scan at other segment counts (fewer repetitions): does parallelism pay on this server?</summary>
    private static async Task<string> SweepAsync(AmazonDynamoDBClient client, ValidationContext context, string table, int items, DateTimeOffset newest, string[] sweep, int reps)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine(inv, $"Other segment counts (DYNAMODB_SCAN_SEGMENTS), {reps} repetitions each after a warm-up:");
        md.AppendLine();
        md.AppendLine("| segments | validator median ms | bare COUNT Scan median ms | ratio |");
        md.AppendLine("|---:|---:|---:|---:|");
        foreach (var text in sweep)
        {
            if (!int.TryParse(text, NumberStyles.None, inv, out var segments) || segments is < 1 or > 64)
            {
                throw new BenchException($"--sweep wants segment counts 1-64, got '{text}'");
            }

            var validator = new DynamoDbValidator(client, segments);
            async Task Validate()
            {
                var result = await validator.ValidateAsync(context, CancellationToken.None);
                if (result.RecordCount != items || result.NewestRecordAt != newest)
                {
                    throw new BenchException($"validator ({segments} segments) found {result.RecordCount} items, newest {result.NewestRecordAt:O}");
                }
            }

            async Task Count()
            {
                var (count, _) = await OrdersTable.CountAsync(client, table, segments);
                if (count != items)
                {
                    throw new BenchException($"bare COUNT scan ({segments} segments) found {count} items");
                }
            }

            await Validate();
            await Count();
            var v = new List<double>();
            var b = new List<double>();
            for (var rep = 0; rep < reps; rep++)
            {
                var clock = Stopwatch.StartNew();
                await Validate();
                v.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                await Count();
                b.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.Error.WriteLine($"  {segments} segments: validator {Stats.Ms(Stats.Median(v))} ms, bare {Stats.Ms(Stats.Median(b))} ms");
            md.AppendLine(inv, $"| {segments} | {Stats.Ms(Stats.Median(v))} | {Stats.Ms(Stats.Median(b))} | {Stats.Median(v) / Stats.Median(b):N2}x |");
        }

        return md.ToString();
    }

    private static async Task<(long Count, int Pages)> ProjectedScanAsync(AmazonDynamoDBClient client, string table, int segments, string attribute)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, segments).Select(async segment =>
        {
            long count = 0;
            var pages = 0;
            Dictionary<string, AttributeValue>? startKey = null;
            do
            {
                var page = await client.ScanAsync(new ScanRequest
                {
                    TableName = table,
                    Segment = segment,
                    TotalSegments = segments,
                    ProjectionExpression = "#ts",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#ts"] = attribute },
                    ExclusiveStartKey = startKey,
                });
                count += page.Count ?? 0;
                pages++;
                startKey = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
            }
            while (startKey is not null);
            return (count, pages);
        }));
        return (results.Sum(r => r.count), results.Sum(r => r.pages));
    }

    private static async Task<Sample> MeasureAsync(Func<Task<int>> run, int? serverPid)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var server = Local.ProcessCpu(serverPid);
        var clock = Stopwatch.StartNew();
        await run();
        var wall = clock.Elapsed.TotalMilliseconds;
        self.Refresh();
        var serverAfter = Local.ProcessCpu(serverPid);
        return new Sample(
            wall,
            (self.TotalProcessorTime - cpu).TotalMilliseconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            server is { } s && serverAfter is { } a ? (a - s).TotalMilliseconds : null);
    }

    private static string Render(string table, int items, int segments, int reps, string[] names, List<Sample>[] samples, int[] pages, bool haveServerCpu)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"Table `{table}`, {items:N0} items, {segments} scan segments (the validator's default DYNAMODB_SCAN_SEGMENTS), {reps} timed repetitions per variant after one untimed warm-up, variants interleaved.");
        md.AppendLine();
        md.AppendLine("| variant | median ms | min ms | max ms | items/s (median) | Scan pages | client CPU ms (median) | client allocations (median) | dynalite CPU ms (median) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var v = 0; v < names.Length; v++)
        {
            var wall = samples[v].Select(s => s.WallMs).ToList();
            var median = Stats.Median(wall);
            var server = haveServerCpu && samples[v].All(s => s.ServerCpuMs is not null) ? Stats.Ms(Stats.Median(samples[v].Select(s => s.ServerCpuMs!.Value).ToList())) : "n/a";
            md.AppendLine(inv, $"| {names[v]} | {Stats.Ms(median)} | {Stats.Ms(wall.Min())} | {Stats.Ms(wall.Max())} | {items / (median / 1000):N0} | {(v == 0 ? "(as projection)" : pages[v].ToString(inv))} | {Stats.Ms(Stats.Median(samples[v].Select(s => s.ClientCpuMs).ToList()))} | {Stats.Bytes((long)Stats.Median(samples[v].Select(s => (double)s.AllocatedBytes).ToList()))} | {server} |");
        }

        double Med(int v) => Stats.Median(samples[v].Select(s => s.WallMs).ToList());
        double Min(int v) => samples[v].Min(s => s.WallMs);
        md.AppendLine();
        md.AppendLine(inv, $"**Validator overhead vs bare COUNT Scan: {Med(0) / Med(1):N2}x by median ({Min(0) / Min(1):N2}x by minimum).** " +
            $"Against a bare Scan that returns the same projected attribute: {Med(0) / Med(2):N2}x by median ({Min(0) / Min(2):N2}x by minimum).");
        if (haveServerCpu)
        {
            double Cpu(int v, Func<Sample, double> f) => Stats.Median(samples[v].Select(f).ToList());
            md.AppendLine();
            md.AppendLine(inv, $"Where the time goes (medians): during the validator's scan dynalite (one Node.js process) burned {Stats.Ms(Cpu(0, s => s.ServerCpuMs!.Value))} ms of CPU " +
                $"= {Cpu(0, s => s.ServerCpuMs!.Value) / Med(0):P0} of the wall time, the validator process {Stats.Ms(Cpu(0, s => s.ClientCpuMs))} ms = {Cpu(0, s => s.ClientCpuMs) / Med(0):P0}; " +
                $"for the bare COUNT Scan {Cpu(1, s => s.ServerCpuMs!.Value) / Med(1):P0} and {Cpu(1, s => s.ClientCpuMs) / Med(1):P0}. " +
                $"The rest is waiting: for a core (2 cores, shared with everything else running) and on dynalite's single thread.");
            var validatorCpu = Cpu(0, s => s.ServerCpuMs!.Value + s.ClientCpuMs);
            var bareCpu = Cpu(1, s => s.ServerCpuMs!.Value + s.ClientCpuMs);
            md.AppendLine();
            md.AppendLine(inv, $"**CPU time spent per validation (benchmark process + dynalite, medians): validator {Stats.Ms(validatorCpu)} ms vs bare COUNT Scan {Stats.Ms(bareCpu)} ms = {validatorCpu / bareCpu:N2}x.** " +
                $"Wall-clock ratios swing with the machine's load (compare min and max); this CPU-time ratio is the steadier estimate of the overhead.");
        }
        return md.ToString();
    }

    private sealed record Sample(double WallMs, double ClientCpuMs, long AllocatedBytes, double? ServerCpuMs);
}
