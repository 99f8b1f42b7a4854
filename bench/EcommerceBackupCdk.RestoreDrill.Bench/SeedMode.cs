using System.Globalization;

namespace EcommerceBackupCdk.RestoreDrill.Bench;

/// <summary>Mode "seed": the orders table of --items items (default 100,000) in dynalite, written once.</summary>
internal static class SeedMode
{
    public const string DefaultTable = "bench-orders-100k";

    public static async Task<string> RunAsync(Options options)
    {
        var table = options.Text("table", DefaultTable);
        var items = options.Int("items", 100_000);
        var concurrency = options.Int("concurrency", 8);
        var serverPid = Local.PidFrom(options.Text("server-pid-file", string.Empty));
        using var client = Local.DynamoDb();
        if (options.Text("reseed", "false") == "true")
        {
            // Only ever this benchmark's own table: time the seeding again without restarting the shared dynalite.
            await OrdersTable.DeleteTableAsync(client, table);
        }

        var cpuBefore = Local.ProcessCpu(serverPid);
        var (_, seeded, elapsed) = await OrdersTable.EnsureSeededAsync(client, table, items, segments: 4, concurrency, showProgress: true);
        var cpuAfter = Local.ProcessCpu(serverPid);
        if (!seeded)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Table `{table}` already held exactly {items:N0} items (COUNT scan); seeding skipped. `BENCH_RESEED=1 bench/run.sh` deletes it and times the seeding again.\n");
        }

        var serverCpu = cpuBefore is { } b && cpuAfter is { } a ? string.Create(CultureInfo.InvariantCulture, $"; dynalite used {(a - b).TotalSeconds:N0} s of CPU meanwhile") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"Seeded `{table}` with {items:N0} items (BatchWriteItem, 25 items per call, {concurrency} calls in flight) in {elapsed.TotalSeconds:N1} s = {items / elapsed.TotalSeconds:N0} items/s{serverCpu}.\n");
    }
}
