using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.S3;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>
/// The evidence-index Lambda entry point (managed dotnet10 runtime):
/// <c>EcommerceBackupCdk.RestoreDrill::EcommerceBackupCdk.RestoreDrill.Evidence.EvidenceFunction::Handle</c>.
/// A scheduled EventBridge event (with <c>time</c>) indexes the month before it; <c>{"period":"yyyy-MM"}</c> indexes
/// that month on demand. Writes <c>evidence-index/yyyy-MM/index.{md,html,json}</c> and returns what it wrote.
/// </summary>
public sealed class EvidenceFunction
{
    public const string HandlerString = ContractHandlers.EvidenceIndex;

    private static readonly JsonSerializerOptions OutputJson = new(JsonSerializerDefaults.Web);
    private readonly IEvidenceStore _store;
    private readonly IEvidenceStore? _drillStore;
    private readonly EvidenceSettings _settings;
    private readonly TimeProvider _clock;

    /// <summary>Used by Lambda: reads and validates the environment once per execution environment.</summary>
    public EvidenceFunction()
        : this(EvidenceSettings.FromEnvironment())
    {
    }

    private EvidenceFunction(EvidenceSettings settings)
        : this(S3Client(settings), settings)
    {
    }

    private EvidenceFunction(AmazonS3Client s3, EvidenceSettings settings)
        : this(new S3EvidenceStore(s3, settings.Bucket), settings, TimeProvider.System,
            settings.DrillBucket == settings.Bucket ? null : new S3EvidenceStore(s3, settings.DrillBucket))
    {
    }

    public EvidenceFunction(IEvidenceStore store, EvidenceSettings settings, TimeProvider clock, IEvidenceStore? drillStore = null)
    {
        _store = store;
        _drillStore = drillStore;
        _settings = settings;
        _clock = clock;
    }

    public Stream Handle(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var reader = new StreamReader(input, Encoding.UTF8);
        var result = RunAsync(reader.ReadToEnd(), CancellationToken.None).GetAwaiter().GetResult();
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(result, OutputJson));
    }

    public async Task<EvidenceRun> RunAsync(string eventJson, CancellationToken cancellationToken)
    {
        var period = PeriodOf(eventJson, _clock.GetUtcNow());
        var index = await new EvidenceIndexBuilder(_store, _settings, _clock, _drillStore).BuildAsync(period, cancellationToken).ConfigureAwait(false);
        var folder = $"{BucketPrefixes.EvidenceIndex}{period.Key}/";
        var written = new List<string>();
        foreach (var (name, content, type) in new[]
        {
            ("index.json", EvidenceIndexJson.Serialize(index), "application/json"),
            ("index.md", EvidenceMarkdown.Render(index), "text/markdown; charset=utf-8"),
            ("index.html", EvidenceHtml.Render(index), "text/html; charset=utf-8"),
        })
        {
            await _store.WriteTextAsync(folder + name, content, type, cancellationToken).ConfigureAwait(false);
            written.Add(folder + name);
        }

        return new EvidenceRun
        {
            Period = period.Key,
            Keys = written,
            Verdicts = index.Tiers.ToDictionary(t => t.Tier, t => t.Verdict),
        };
    }

    /// <summary>The period an event asks for: <c>period</c> if given, else the month before the event's (or now's) time.</summary>
    public static EvidencePeriod PeriodOf(string eventJson, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(eventJson))
        {
            return EvidencePeriod.PreviousMonth(now);
        }

        using var doc = JsonDocument.Parse(eventJson);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("period", out var p))
        {
            return EvidencePeriod.TryParse(p.GetString(), out var period)
                ? period
                : throw new ArgumentException($"period: not a month (got '{p}', allowed yyyy-MM such as 2026-10)", nameof(eventJson));
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("time", out var t)
            && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return EvidencePeriod.PreviousMonth(time);
        }

        return EvidencePeriod.PreviousMonth(now);
    }

    private static AmazonS3Client S3Client(EvidenceSettings settings)
    {
        var config = new AmazonS3Config { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region) };
        if (settings.S3Endpoint is not null)
        {
            config.ServiceURL = settings.S3Endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = settings.Region;
        }

        return new AmazonS3Client(config);
    }
}
