using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcommerceBackupCdk.RestoreDrill.Configuration;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>Configuration of the evidence index, from the environment the CDK construct sets.</summary>
public sealed partial record EvidenceSettings
{
    public const string StoreNameVariable = "STORE_NAME";
    public const string BucketVariable = "EVIDENCE_BUCKET";
    public const string TiersVariable = "EVIDENCE_TIERS";
    public const string FrameworksVariable = "EVIDENCE_FRAMEWORKS";
    public const string RegionVariable = "AWS_REGION";
    public const string S3EndpointVariable = "EVIDENCE_S3_ENDPOINT";
    public const string DrillBucketVariable = "DRILL_REPORT_BUCKET";

    private static readonly JsonSerializerOptions TierJson = new(JsonSerializerDefaults.Web);

    public required string StoreName { get; init; }

    public required string Bucket { get; init; }

    public required string Region { get; init; }

    /// <summary>Where the drill validator writes its reports. Default: <see cref="Bucket"/>.</summary>
    public string? DrillReportBucket { get; init; }

    public string DrillBucket => DrillReportBucket ?? Bucket;

    /// <summary>Tier name to targets, in the order the tiers are documented.</summary>
    public required IReadOnlyDictionary<string, EvidenceTierTarget> Tiers { get; init; }

    /// <summary>Audit Manager framework names, e.g. acme_backup_critical.</summary>
    public IReadOnlyList<string> Frameworks { get; init; } = [];

    public Uri? S3Endpoint { get; init; }

    public static EvidenceSettings FromEnvironment() =>
        FromEnvironment(Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal));

    /// <summary>Validates every variable; all problems in one <see cref="ConfigurationException"/>.</summary>
    public static EvidenceSettings FromEnvironment(IReadOnlyDictionary<string, string> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var problems = new List<string>();
        string? Get(string name) => env.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var store = Get(StoreNameVariable);
        if (store is null || !StorePattern().IsMatch(store))
        {
            problems.Add($"{StoreNameVariable}: not a store name (got '{store}', allowed 1-64 of a-z, 0-9, '-')");
        }

        var bucket = Get(BucketVariable);
        if (bucket is null || !BucketPattern().IsMatch(bucket))
        {
            problems.Add($"{BucketVariable}: not an S3 bucket name (got '{bucket}', allowed 3-63 of a-z, 0-9, '.', '-')");
        }

        var drillBucket = Get(DrillBucketVariable);
        if (drillBucket is not null && !BucketPattern().IsMatch(drillBucket))
        {
            problems.Add($"{DrillBucketVariable}: not an S3 bucket name (got '{drillBucket}', allowed 3-63 of a-z, 0-9, '.', '-')");
        }

        var region = Get(RegionVariable);
        if (region is null)
        {
            problems.Add($"{RegionVariable}: required (got nothing, allowed an AWS region such as eu-central-1; Lambda sets it)");
        }

        var tiers = new Dictionary<string, EvidenceTierTarget>(StringComparer.Ordinal);
        var tiersJson = Get(TiersVariable);
        try
        {
            foreach (var (name, target) in JsonSerializer.Deserialize<Dictionary<string, EvidenceTierTarget>>(tiersJson ?? "null", TierJson) ?? [])
            {
                if (target.RpoSeconds <= 0 || target.RtoSeconds <= 0)
                {
                    problems.Add($"{TiersVariable}: {name} needs positive rpoSeconds and rtoSeconds (got {target.RpoSeconds} and {target.RtoSeconds}, allowed 1 or more)");
                }

                tiers[name] = target;
            }
        }
        catch (JsonException e)
        {
            problems.Add($"{TiersVariable}: not the tier JSON (got '{tiersJson}', allowed {{\"critical\":{{\"rpoSeconds\":300,\"rtoSeconds\":1800}},...}}: {e.Message})");
        }

        if (tiers.Count == 0 && !problems.Any(p => p.StartsWith(TiersVariable, StringComparison.Ordinal)))
        {
            problems.Add($"{TiersVariable}: required (got nothing, allowed {{\"critical\":{{\"rpoSeconds\":300,\"rtoSeconds\":1800}},...}})");
        }

        Uri? endpoint = null;
        if (Get(S3EndpointVariable) is { } e2 && (!Uri.TryCreate(e2, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"{S3EndpointVariable}: not an http(s) URL (got '{e2}', allowed e.g. http://127.0.0.1:45009)");
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        return new EvidenceSettings
        {
            StoreName = store!,
            Bucket = bucket!,
            Region = region!,
            DrillReportBucket = drillBucket,
            Tiers = tiers,
            Frameworks = (Get(FrameworksVariable) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            S3Endpoint = endpoint,
        };
    }

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex StorePattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketPattern();
}
