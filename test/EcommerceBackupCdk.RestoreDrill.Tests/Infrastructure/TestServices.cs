using System.Diagnostics;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>
/// Endpoints of the local services (scripts/services.sh). Read from the environment, else from
/// .test-services/env; when neither has them, runs `scripts/services.sh up` once. A test never skips:
/// if the services cannot be had it fails saying so.
/// </summary>
public static class TestServices
{
    private static readonly Lazy<Dictionary<string, string>> Values = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Get(string name)
    {
        if (Values.Value.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
        {
            return value;
        }

        throw new InvalidOperationException($"{name} is not set. Run `scripts/services.sh up` in {RepoRoot} (it writes .test-services/env), or export {name}.");
    }

    public static string PostgresHost => Get("RESTORE_DRILL_POSTGRES_HOST");

    public static int PostgresPort => int.Parse(Get("RESTORE_DRILL_POSTGRES_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string PostgresUser => Get("RESTORE_DRILL_POSTGRES_USER");

    public static string PostgresPassword => Get("RESTORE_DRILL_POSTGRES_PASSWORD");

    public static string MariaDbHost => Get("RESTORE_DRILL_MARIADB_HOST");

    public static int MariaDbPort => int.Parse(Get("RESTORE_DRILL_MARIADB_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string MariaDbUser => Get("RESTORE_DRILL_MARIADB_USER");

    public static string MariaDbPassword => Get("RESTORE_DRILL_MARIADB_PASSWORD");

    public static Uri DynamoDbEndpoint => new(Get("RESTORE_DRILL_DYNAMODB_ENDPOINT"));

    public static Uri MotoEndpoint => new(Get("RESTORE_DRILL_MOTO_ENDPOINT"));

    private static Dictionary<string, string> Load()
    {
        var fromEnv = Read(name => Environment.GetEnvironmentVariable(name));
        if (fromEnv.Count == Names.Length)
        {
            return fromEnv;
        }

        var envFile = Path.Combine(RepoRoot, ".test-services", "env");
        var fromFile = ReadFile(envFile);
        if (fromFile.Count == Names.Length && Reachable(fromFile))
        {
            return fromFile;
        }

        var script = Path.Combine(RepoRoot, "scripts", "services.sh");
        var start = new ProcessStartInfo("bash", [script, "up"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {script}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`scripts/services.sh up` failed (exit {(process.HasExited ? process.ExitCode : -1)}). Run it by hand in {RepoRoot} to see why.\n{stdout}\n{stderr.Result}");
        }

        return ReadFile(envFile);
    }

    private static readonly string[] Names =
    [
        "RESTORE_DRILL_POSTGRES_HOST", "RESTORE_DRILL_POSTGRES_PORT", "RESTORE_DRILL_POSTGRES_USER", "RESTORE_DRILL_POSTGRES_PASSWORD",
        "RESTORE_DRILL_MARIADB_HOST", "RESTORE_DRILL_MARIADB_PORT", "RESTORE_DRILL_MARIADB_USER", "RESTORE_DRILL_MARIADB_PASSWORD",
        "RESTORE_DRILL_DYNAMODB_ENDPOINT", "RESTORE_DRILL_MOTO_ENDPOINT",
    ];

    private static Dictionary<string, string> Read(Func<string, string?> lookup)
    {
        var result = new Dictionary<string, string>();
        foreach (var name in Names)
        {
            if (lookup(name) is { Length: > 0 } value)
            {
                result[name] = value;
            }
        }

        return result;
    }

    private static Dictionary<string, string> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var all = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines(path))
        {
            var text = line.Trim();
            if (text.StartsWith("export ", StringComparison.Ordinal))
            {
                text = text[7..];
            }

            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && !text.StartsWith('#'))
            {
                all[text[..eq]] = text[(eq + 1)..].Trim('"', '\'');
            }
        }

        return Read(name => all.TryGetValue(name, out var v) ? v : null);
    }

    /// <summary>A stale env file (services stopped) must not be trusted.</summary>
    private static bool Reachable(Dictionary<string, string> values)
    {
        var ports = new[]
        {
            int.Parse(values["RESTORE_DRILL_POSTGRES_PORT"], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(values["RESTORE_DRILL_MARIADB_PORT"], System.Globalization.CultureInfo.InvariantCulture),
            new Uri(values["RESTORE_DRILL_DYNAMODB_ENDPOINT"]).Port,
            new Uri(values["RESTORE_DRILL_MOTO_ENDPOINT"]).Port,
        };
        foreach (var port in ports)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                client.Connect("127.0.0.1", port);
            }
            catch (System.Net.Sockets.SocketException)
            {
                return false;
            }
        }

        return true;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "scripts", "services.sh")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"no scripts/services.sh above {AppContext.BaseDirectory}");
    }
}
