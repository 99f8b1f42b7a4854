using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.Contract;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>Configuration of the evidence index, from the environment the CDK construct sets.</summary>
public sealed partial record EvidenceSettings
{
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

        var store = Get(EvidenceVariables.StoreName);
        if (store is null || !StorePattern().IsMatch(store))
        {
            problems.Add($"{EvidenceVariables.StoreName}: not a store name (got '{store}', allowed 1-64 of a-z, 0-9, '-')");
        }

        var bucket = Get(EvidenceVariables.Bucket);
        if (bucket is null || !BucketPattern().IsMatch(bucket))
        {
            problems.Add($"{EvidenceVariables.Bucket}: not an S3 bucket name (got '{bucket}', allowed 3-63 of a-z, 0-9, '.', '-')");
        }

        var drillBucket = Get(EvidenceVariables.DrillReportBucket);
        if (drillBucket is not null && !BucketPattern().IsMatch(drillBucket))
        {
            problems.Add($"{EvidenceVariables.DrillReportBucket}: not an S3 bucket name (got '{drillBucket}', allowed 3-63 of a-z, 0-9, '.', '-')");
        }

        var region = Get(EvidenceVariables.Region);
        if (region is null)
        {
            problems.Add($"{EvidenceVariables.Region}: required (got nothing, allowed an AWS region such as eu-central-1; Lambda sets it)");
        }

        var tiers = new Dictionary<string, EvidenceTierTarget>(StringComparer.Ordinal);
        var tiersJson = Get(EvidenceVariables.Tiers);
        try
        {
            foreach (var (name, target) in JsonSerializer.Deserialize<Dictionary<string, EvidenceTierTarget>>(tiersJson ?? "null", TierJson) ?? [])
            {
                if (target.RpoSeconds <= 0 || target.RtoSeconds <= 0)
                {
                    problems.Add($"{EvidenceVariables.Tiers}: {name} needs positive rpoSeconds and rtoSeconds (got {target.RpoSeconds} and {target.RtoSeconds}, allowed 1 or more)");
                }

                tiers[name] = target;
            }
        }
        catch (JsonException e)
        {
            problems.Add($"{EvidenceVariables.Tiers}: not the tier JSON (got '{tiersJson}', allowed {{\"critical\":{{\"rpoSeconds\":300,\"rtoSeconds\":1800}},...}}: {e.Message})");
        }

        if (tiers.Count == 0 && !problems.Any(p => p.StartsWith(EvidenceVariables.Tiers, StringComparison.Ordinal)))
        {
            problems.Add($"{EvidenceVariables.Tiers}: required (got nothing, allowed {{\"critical\":{{\"rpoSeconds\":300,\"rtoSeconds\":1800}},...}})");
        }

        Uri? endpoint = null;
        if (Get(EvidenceVariables.S3Endpoint) is { } e2 && (!Uri.TryCreate(e2, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"{EvidenceVariables.S3Endpoint}: not an http(s) URL (got '{e2}', allowed e.g. http://127.0.0.1:45009)");
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
            Frameworks = (Get(EvidenceVariables.Frameworks) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            S3Endpoint = endpoint,
        };
    }

    [GeneratedRegex(ValueFormats.StoreNameInEnvironment)]
    private static partial Regex StorePattern();

    [GeneratedRegex(ValueFormats.S3BucketName)]
    private static partial Regex BucketPattern();
}
