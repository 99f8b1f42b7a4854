using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;

namespace EcommerceBackupCdk.RestoreDrill.Bench;

/// <summary>The local services of scripts/services.sh (endpoints from .test-services/env, which run.sh sources) and clients for them.</summary>
internal static class Local
{
    public const string Region = "eu-central-1";
    public const string AccessKey = "AKIDBENCHLOCAL000001";
    public const string SecretKey = "bench-local-secret-key/0123456789abcdefABCDEF";
    public const string PlanArn = "arn:aws:backup:eu-central-1:123456789012:restore-testing-plan:bench_drills-1a2b3c";

    public static Uri DynamoDbEndpoint => Endpoint("RESTORE_DRILL_DYNAMODB_ENDPOINT");

    public static Uri MotoEndpoint => Endpoint("RESTORE_DRILL_MOTO_ENDPOINT");

    /// <summary>Configured as <c>RestoreDrillValidator.Create</c> configures it for DYNAMODB_ENDPOINT.</summary>
    public static AmazonDynamoDBClient DynamoDb() => new(
        new BasicAWSCredentials(AccessKey, SecretKey),
        new AmazonDynamoDBConfig
        {
            RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(Region),
            ServiceURL = DynamoDbEndpoint.ToString(),
            AuthenticationRegion = Region,
        });

    public static AmazonS3Client S3() => new(
        new BasicAWSCredentials(AccessKey, SecretKey),
        new AmazonS3Config
        {
            RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(Region),
            ServiceURL = MotoEndpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = Region,
        });

    /// <summary>CPU time (user + system) a process has used so far, from /proc; null when unknown.</summary>
    public static TimeSpan? ProcessCpu(int? pid)
    {
        if (pid is null)
        {
            return null;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of proc(5) (utime, stime) are at 11 and 12 after "pid (comm) ".
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public static int? PidFrom(string? pidFile) =>
        pidFile is { Length: > 0 } && File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;

    private static Uri Endpoint(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? new Uri(value)
            : throw new BenchException($"{name} is not set; run `scripts/services.sh up` and `source .test-services/env` (bench/run.sh does both)");
}

/// <summary>Median, minimum and maximum of a sample, and number formatting for the tables.</summary>
internal static class Stats
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Ms(double ms) => ms.ToString(ms >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);

    public static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:N2} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:N1} KiB");
}
