using EcommerceBackupCdk.RestoreDrill.Bench;

// Modes (bench/run.sh runs them in this order):
//   seed       create and fill the 100,000-item orders table in dynalite once (skipped when already there)
//   scan       validator's DynamoDB data check vs a bare parallel COUNT Scan of that table
//   size       zipped size and file count of published handler packages
//   coldstart  fresh-process start to first handled event, validator vs minimal handler
//   flow       the drill flow's added latency per restore job (flow actions + lock vs one HandleAsync call)
// Every mode writes a Markdown fragment to --out and echoes it; run.sh assembles bench/results.md.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: EcommerceBackupCdk.RestoreDrill.Bench seed|scan|size|coldstart|flow [--option value ...]");
    return 2;
}

var options = Options.Parse(args.AsSpan(1));
try
{
    var markdown = args[0] switch
    {
        "seed" => await SeedMode.RunAsync(options),
        "scan" => await ScanMode.RunAsync(options),
        "size" => SizeMode.Run(options),
        "coldstart" => await ColdStartMode.RunAsync(options),
        "flow" => await FlowMode.RunAsync(options),
        _ => throw new BenchException($"unknown mode '{args[0]}' (seed, scan, size, coldstart, flow)"),
    };
    if (options.Text("out", string.Empty) is { Length: > 0 } outFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        await File.WriteAllTextAsync(outFile, markdown);
    }

    Console.WriteLine(markdown);
    return 0;
}
catch (BenchException e)
{
    Console.Error.WriteLine($"bench {args[0]}: {e.Message}");
    return 1;
}
