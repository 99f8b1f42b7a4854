using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

// Cold-start host (bench/run.sh). Loads "Assembly::Namespace.Type::Method" by reflection, as the managed
// runtime does, creates the type with its parameterless constructor (the function's init), invokes the
// handler with the first event file, prints one "COLDSTART {json}" line and flushes it, then invokes the
// optional second event (a warm invocation in the same process) and prints "WARM {json}".
// BENCH_SPAWN_UTC_TICKS (set by the parent just before Process.Start) lets it report spawn -> Main.
if (args.Length is < 2 or > 3)
{
    await Console.Error.WriteLineAsync("usage: dotnet exec --depsfile <Asm>.deps.json --runtimeconfig <Asm>.runtimeconfig.json ColdStartHost.dll <Asm::Type::Method> <event.json> [<event2.json>]").ConfigureAwait(false);
    return 2;
}

var mainAt = DateTime.UtcNow;
var clock = Stopwatch.StartNew();
var parts = args[0].Split("::");
if (parts.Length != 3)
{
    await Console.Error.WriteLineAsync($"handler '{args[0]}' is not Assembly::Type::Method").ConfigureAwait(false);
    return 2;
}

// Resolved through the handler package's deps.json (the TPA list), like the managed runtime's user-code loader.
var assembly = Assembly.Load(new AssemblyName(parts[0]));
var type = assembly.GetType(parts[1], throwOnError: true)!;
var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static, [typeof(Stream)])
    ?? throw new MissingMethodException(parts[1], parts[2]);
var loadMs = clock.Elapsed.TotalMilliseconds;

var instance = method.IsStatic ? null : Activator.CreateInstance(type);
var initMs = clock.Elapsed.TotalMilliseconds;

var first = Invoke(args[1]);
var firstMs = clock.Elapsed.TotalMilliseconds;
var cpuMs = Environment.CpuUsage.TotalTime.TotalMilliseconds; // all threads, user + kernel, since the process started
var spawnTicks = Environment.GetEnvironmentVariable("BENCH_SPAWN_UTC_TICKS");
double? spawnToMainMs = long.TryParse(spawnTicks, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
    ? (mainAt - new DateTime(ticks, DateTimeKind.Utc)).TotalMilliseconds
    : null;
Report("COLDSTART", new Dictionary<string, object?>
{
    ["spawnToMainMs"] = spawnToMainMs,
    ["loadMs"] = loadMs,
    ["initMs"] = initMs - loadMs,
    ["invokeMs"] = firstMs - initMs,
    ["mainToHandledMs"] = firstMs,
    ["cpuToHandledMs"] = cpuMs,
    ["result"] = first,
});

if (args.Length == 3)
{
    var before = clock.Elapsed.TotalMilliseconds;
    var second = Invoke(args[2]);
    Report("WARM", new Dictionary<string, object?> { ["invokeMs"] = clock.Elapsed.TotalMilliseconds - before, ["result"] = second });
}

return 0;

string Invoke(string eventFile)
{
    using var input = File.OpenRead(eventFile);
    var output = (Stream?)method.Invoke(instance, [input]);
    if (output is null)
    {
        return string.Empty;
    }

    using (output)
    using (var reader = new StreamReader(output))
    {
        return reader.ReadToEnd();
    }
}

static void Report(string tag, Dictionary<string, object?> values)
{
    Console.Out.Flush();
    Console.WriteLine($"{tag} {JsonSerializer.Serialize(values)}");
    Console.Out.Flush();
}
