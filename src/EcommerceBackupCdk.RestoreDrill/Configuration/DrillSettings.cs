using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcommerceBackupCdk.Contract;

namespace EcommerceBackupCdk.RestoreDrill.Configuration;

/// <summary>The validated configuration of the validator; build it with <see cref="FromEnvironment(IReadOnlyDictionary{string, string})"/>.</summary>
public sealed partial record DrillSettings
{
    public required string StoreName { get; init; }

    public required string ReportBucket { get; init; }

    public required string Region { get; init; }

    /// <summary>Empty: any restore testing plan.</summary>
    public IReadOnlyList<string> RestoreTestingPlanArns { get; init; } = [];

    public required IReadOnlyDictionary<string, TierTarget> Tiers { get; init; }

    /// <summary>Settings for resources no <see cref="Resources"/> entry matches.</summary>
    public required ResourceSettings Defaults { get; init; }

    public IReadOnlyList<ResourceSettings> Resources { get; init; } = [];

    public int DynamoDbScanSegments { get; init; } = 4;

    public TimeSpan ValidationTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>The restore testing selection's validation window (VALIDATION_WINDOW_HOURS).</summary>
    public TimeSpan ValidationWindow { get; init; } = TimeSpan.FromHours(4);

    /// <summary>First wait between two polls of the drill flow (POLL_BASE_SECONDS).</summary>
    public TimeSpan PollBase { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two polls of the drill flow (POLL_MAX_SECONDS).</summary>
    public TimeSpan PollMax { get; init; } = TimeSpan.FromSeconds(300);

    public Uri? BackupEndpoint { get; init; }

    public Uri? RdsEndpoint { get; init; }

    public Uri? SecretsManagerEndpoint { get; init; }

    public Uri? DynamoDbEndpoint { get; init; }

    public Uri? S3Endpoint { get; init; }

    /// <summary>The first per-resource entry matching the source ARN, else the defaults.</summary>
    public ResourceSettings For(string? sourceResourceArn) =>
        Resources.FirstOrDefault(r => r.Matches(sourceResourceArn)) ?? Defaults;

    public static DrillSettings FromEnvironment() =>
        FromEnvironment(Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal));

    /// <summary>Validates every variable and reports all problems at once in a <see cref="ConfigurationException"/>.</summary>
    public static DrillSettings FromEnvironment(IReadOnlyDictionary<string, string> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var problems = new List<string>();
        string? Get(string name) => env.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var store = Get(DrillVariables.StoreName);
        if (store is null)
        {
            problems.Add($"{DrillVariables.StoreName}: required (got nothing, allowed 1-64 of a-z, 0-9, '-')");
        }
        else if (!StoreNamePattern().IsMatch(store))
        {
            problems.Add($"{DrillVariables.StoreName}: not a store name (got '{store}', allowed 1-64 of a-z, 0-9, '-')");
        }

        var bucket = Get(DrillVariables.ReportBucket);
        if (bucket is null)
        {
            problems.Add($"{DrillVariables.ReportBucket}: required (got nothing, allowed an S3 bucket name)");
        }
        else if (!BucketPattern().IsMatch(bucket))
        {
            problems.Add($"{DrillVariables.ReportBucket}: not an S3 bucket name (got '{bucket}', allowed 3-63 of a-z, 0-9, '.', '-')");
        }

        var region = Get(DrillVariables.Region);
        if (region is null)
        {
            problems.Add($"{DrillVariables.Region}: required (got nothing, allowed an AWS region such as eu-central-1; Lambda sets it)");
        }

        var plans = (Get(DrillVariables.RestoreTestingPlanArns) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var plan in plans.Where(p => !p.StartsWith("arn:", StringComparison.Ordinal) || !p.Contains(":restore-testing-plan:", StringComparison.Ordinal)))
        {
            problems.Add($"{DrillVariables.RestoreTestingPlanArns}: not a restore testing plan ARN (got '{plan}', allowed arn:aws:backup:<region>:<account>:restore-testing-plan:<name>-<id>)");
        }

        var tiers = ReadTiers(Get(DrillVariables.TierTargets), problems);

        var defaultTier = Get(DrillVariables.DefaultTier) ?? ContractTiers.Critical;
        if (!tiers.ContainsKey(defaultTier))
        {
            problems.Add($"{DrillVariables.DefaultTier}: unknown tier (got '{defaultTier}', allowed {string.Join(" | ", tiers.Keys)})");
        }

        var segments = ReadInt(Get(DrillVariables.DynamoDbScanSegments), DrillVariables.DynamoDbScanSegments, 4, 1, 64, problems);
        var minimum = ReadInt(Get(DrillVariables.MinimumRecordCount), DrillVariables.MinimumRecordCount, 1, 0, int.MaxValue, problems);
        var timeout = ReadInt(Get(DrillVariables.ValidationTimeoutSeconds), DrillVariables.ValidationTimeoutSeconds, 600, 10, 840, problems);
        var window = ReadInt(Get(DrillVariables.ValidationWindowHours), DrillVariables.ValidationWindowHours, 4, 0, 168, problems);
        var pollBase = ReadInt(Get(DrillVariables.PollBaseSeconds), DrillVariables.PollBaseSeconds, 30, 1, 600, problems);
        var pollMax = ReadInt(Get(DrillVariables.PollMaxSeconds), DrillVariables.PollMaxSeconds, 300, 1, 3600, problems);

        var preset = Get(DrillVariables.SqlPreset) ?? SqlPresets.WooCommerce;
        var customQuery = Get(DrillVariables.SqlCustomQuery);
        CheckPreset(DrillVariables.SqlPreset, preset, customQuery, DrillVariables.SqlCustomQuery, problems);

        var secret = Get(DrillVariables.DbSecretArn);
        if (secret is not null && !secret.StartsWith("arn:", StringComparison.Ordinal))
        {
            problems.Add($"{DrillVariables.DbSecretArn}: not a secret ARN (got '{secret}', allowed arn:aws:secretsmanager:<region>:<account>:secret:<name>)");
        }

        var timestampAttribute = env.TryGetValue(DrillVariables.DynamoDbTimestampAttribute, out var ts) ? ts.Trim() : "createdAt";
        var defaults = new ResourceSettings
        {
            Tier = defaultTier,
            TimestampAttribute = string.IsNullOrEmpty(timestampAttribute) ? null : timestampAttribute,
            SqlPreset = preset,
            SqlCustomQuery = customQuery,
            SqlTablePrefix = env.TryGetValue(DrillVariables.SqlTablePrefix, out var prefix) ? prefix.Trim() : null,
            Database = Get(DrillVariables.SqlDatabase),
            SecretArn = secret,
            MinimumRecordCount = minimum,
        };
        if (defaults.SqlTablePrefix is not null && !TablePrefixPattern().IsMatch(defaults.SqlTablePrefix))
        {
            problems.Add($"{DrillVariables.SqlTablePrefix}: not a table prefix (got '{defaults.SqlTablePrefix}', allowed 0-32 of letters, digits, '_')");
        }

        var resources = ReadResources(Get(DrillVariables.ResourceSettings), defaults, tiers, problems);

        var endpoints = new Dictionary<string, Uri?>();
        foreach (var name in new[] { DrillVariables.BackupEndpoint, DrillVariables.RdsEndpoint, DrillVariables.SecretsManagerEndpoint, DrillVariables.DynamoDbEndpoint, DrillVariables.S3Endpoint })
        {
            var value = Get(name);
            if (value is null)
            {
                endpoints[name] = null;
            }
            else if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                endpoints[name] = uri;
            }
            else
            {
                problems.Add($"{name}: not an http(s) URL (got '{value}', allowed e.g. https://backup.eu-central-1.amazonaws.com)");
                endpoints[name] = null;
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        return new DrillSettings
        {
            StoreName = store!,
            ReportBucket = bucket!,
            Region = region!,
            RestoreTestingPlanArns = plans,
            Tiers = tiers,
            Defaults = defaults,
            Resources = resources,
            DynamoDbScanSegments = segments,
            ValidationTimeout = TimeSpan.FromSeconds(timeout),
            ValidationWindow = TimeSpan.FromHours(window),
            PollBase = TimeSpan.FromSeconds(pollBase),
            PollMax = TimeSpan.FromSeconds(Math.Max(pollBase, pollMax)),
            BackupEndpoint = endpoints[DrillVariables.BackupEndpoint],
            RdsEndpoint = endpoints[DrillVariables.RdsEndpoint],
            SecretsManagerEndpoint = endpoints[DrillVariables.SecretsManagerEndpoint],
            DynamoDbEndpoint = endpoints[DrillVariables.DynamoDbEndpoint],
            S3Endpoint = endpoints[DrillVariables.S3Endpoint],
        };
    }

    private static void CheckPreset(string where, string preset, string? customQuery, string queryName, List<string> problems)
    {
        if (!SqlPresets.All.Contains(preset))
        {
            problems.Add($"{where}: unknown preset (got '{preset}', allowed {string.Join(" | ", SqlPresets.All)})");
        }
        else if (preset == SqlPresets.Custom)
        {
            if (customQuery is null)
            {
                problems.Add($"{queryName}: required when the preset is custom (got nothing, allowed one SELECT returning order count and newest order time)");
            }
            else if (!SelectPattern().IsMatch(customQuery))
            {
                problems.Add($"{queryName}: must be a single read-only SELECT (got '{customQuery}', allowed SELECT ... or WITH ... SELECT ..., no ';')");
            }
        }
    }

    private static int ReadInt(string? value, string name, int fallback, int min, int max, List<string> problems)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        problems.Add($"{name}: out of range (got '{value}', allowed an integer {min}-{max})");
        return fallback;
    }

    private static Dictionary<string, TierTarget> ReadTiers(string? json, List<string> problems)
    {
        var tiers = new Dictionary<string, TierTarget>(DrillTiers.Defaults, StringComparer.Ordinal);
        if (json is null)
        {
            return tiers;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{DrillVariables.TierTargets}: not a JSON object (got '{json}', allowed {{\"critical\":{{\"rpoSeconds\":300,\"rtoSeconds\":1800}}}})");
                return tiers;
            }

            foreach (var tier in doc.RootElement.EnumerateObject())
            {
                if (!ContractTiers.All.Contains(tier.Name))
                {
                    problems.Add($"{DrillVariables.TierTargets}: unknown tier (got '{tier.Name}', allowed {string.Join(" | ", ContractTiers.All)})");
                    continue;
                }

                var current = tiers[tier.Name];
                long? Field(string field, long? fallback)
                {
                    if (tier.Value.ValueKind != JsonValueKind.Object || !tier.Value.TryGetProperty(field, out var v))
                    {
                        return fallback;
                    }

                    if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n > 0)
                    {
                        return n;
                    }

                    problems.Add($"{DrillVariables.TierTargets}: {tier.Name}.{field} must be a positive whole number of seconds (got {v.GetRawText()}, allowed 1-{long.MaxValue})");
                    return fallback;
                }

                tiers[tier.Name] = new TierTarget
                {
                    RpoSeconds = Field(TierTargetFields.RpoSeconds, current.RpoSeconds)!.Value,
                    RtoSeconds = Field(TierTargetFields.RtoSeconds, current.RtoSeconds)!.Value,
                    MaxDataFreshnessSeconds = Field(TierTargetFields.MaxDataFreshnessSeconds, current.MaxDataFreshnessSeconds),
                    MaxRecoveryPointAgeSeconds = Field(TierTargetFields.MaxRecoveryPointAgeSeconds, current.MaxRecoveryPointAgeSeconds),
                };
            }
        }
        catch (JsonException e)
        {
            problems.Add($"{DrillVariables.TierTargets}: not valid JSON ({e.Message}) (got '{json}', allowed {{\"critical\":{{\"rpoSeconds\":300,\"rtoSeconds\":1800}}}})");
        }

        return tiers;
    }

    private static List<ResourceSettings> ReadResources(string? json, ResourceSettings defaults, Dictionary<string, TierTarget> tiers, List<string> problems)
    {
        var result = new List<ResourceSettings>();
        if (json is null)
        {
            return result;
        }

        const string name = DrillVariables.ResourceSettings;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{name}: not a JSON array (got '{json}', allowed [{{\"sourceArn\":\"arn:...\",\"tier\":\"critical\"}}])");
                return result;
            }

            var index = 0;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                var where = $"{name}[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{where}: not an object (got {item.GetRawText()}, allowed {{\"sourceArn\":\"arn:...\", ...}})");
                    continue;
                }

                string? Str(string field) => item.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var known = new HashSet<string>(ResourceSettingFields.All, StringComparer.Ordinal);
                foreach (var property in item.EnumerateObject().Where(p => !known.Contains(p.Name)))
                {
                    problems.Add($"{where}: unknown field (got '{property.Name}', allowed {string.Join(", ", known)})");
                }

                var sourceArn = Str(ResourceSettingFields.SourceArn);
                if (sourceArn is null || !sourceArn.StartsWith("arn:", StringComparison.Ordinal))
                {
                    problems.Add($"{where}.{ResourceSettingFields.SourceArn}: required ARN or ARN prefix ending in '*' (got '{sourceArn}', allowed arn:aws:...)");
                    continue;
                }

                var tier = Str(ResourceSettingFields.Tier) ?? defaults.Tier;
                if (!tiers.ContainsKey(tier))
                {
                    problems.Add($"{where}.{ResourceSettingFields.Tier}: unknown tier (got '{tier}', allowed {string.Join(" | ", tiers.Keys)})");
                }

                var preset = Str(ResourceSettingFields.SqlPreset) ?? defaults.SqlPreset;
                var query = Str(ResourceSettingFields.SqlCustomQuery) ?? defaults.SqlCustomQuery;
                CheckPreset($"{where}.{ResourceSettingFields.SqlPreset}", preset, query, $"{where}.{ResourceSettingFields.SqlCustomQuery}", problems);
                var prefix = Str(ResourceSettingFields.SqlTablePrefix) ?? defaults.SqlTablePrefix;
                if (prefix is not null && !TablePrefixPattern().IsMatch(prefix))
                {
                    problems.Add($"{where}.{ResourceSettingFields.SqlTablePrefix}: not a table prefix (got '{prefix}', allowed 0-32 of letters, digits, '_')");
                }

                var minimum = defaults.MinimumRecordCount;
                if (item.TryGetProperty(ResourceSettingFields.MinimumRecordCount, out var m))
                {
                    if (m.ValueKind == JsonValueKind.Number && m.TryGetInt64(out var n) && n >= 0)
                    {
                        minimum = n;
                    }
                    else
                    {
                        problems.Add($"{where}.{ResourceSettingFields.MinimumRecordCount}: not a whole number >= 0 (got {m.GetRawText()}, allowed 0-{long.MaxValue})");
                    }
                }

                result.Add(new ResourceSettings
                {
                    SourceArn = sourceArn,
                    Tier = tier,
                    TimestampAttribute = item.TryGetProperty(ResourceSettingFields.TimestampAttribute, out _) ? NullIfEmpty(Str(ResourceSettingFields.TimestampAttribute)) : defaults.TimestampAttribute,
                    SqlPreset = preset,
                    SqlCustomQuery = query,
                    SqlTablePrefix = prefix,
                    Database = Str(ResourceSettingFields.Database) ?? defaults.Database,
                    SecretArn = Str(ResourceSettingFields.SecretArn) ?? defaults.SecretArn,
                    MinimumRecordCount = minimum,
                });
            }
        }
        catch (JsonException e)
        {
            problems.Add($"{name}: not valid JSON ({e.Message}) (got '{json}', allowed [{{\"sourceArn\":\"arn:...\",\"tier\":\"critical\"}}])");
        }

        return result;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    [GeneratedRegex(ValueFormats.StoreNameInEnvironment)]
    private static partial Regex StoreNamePattern();

    [GeneratedRegex(ValueFormats.S3BucketName)]
    private static partial Regex BucketPattern();

    [GeneratedRegex(ValueFormats.SqlTablePrefix)]
    private static partial Regex TablePrefixPattern();

    [GeneratedRegex(ValueFormats.ReadOnlySqlQuery, RegexOptions.IgnoreCase)]
    private static partial Regex SelectPattern();
}
