using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcommerceBackupCdk.Posture;

/// <summary>The backup posture of a deployment, written as <c>backup-posture.json</c> and <c>backup-posture.md</c>.</summary>
public sealed record PostureReport
{
    /// <summary>File name of the JSON report.</summary>
    public const string JsonFileName = "backup-posture.json";

    /// <summary>File name of the Markdown report.</summary>
    public const string MarkdownFileName = "backup-posture.md";

    /// <summary>The store.</summary>
    public required string Store { get; init; }

    /// <summary>Primary account, or null when unknown at synth time.</summary>
    public string? Account { get; init; }

    /// <summary>Primary region, or null when unknown at synth time.</summary>
    public string? Region { get; init; }

    /// <summary>Guard-rail mode: <c>enforce</c>, <c>verify</c> or <c>off</c>.</summary>
    public required string GuardRails { get; init; }

    /// <summary>The month of the price table.</summary>
    public string PricesAsOf { get; init; } = PriceTable.AsOf;

    /// <summary>The region of the price table.</summary>
    public string PriceRegion { get; init; } = PriceTable.Region;

    /// <summary>Each tier.</summary>
    public required IReadOnlyList<TierPosture> Tiers { get; init; }

    /// <summary>Each vault recovery points are written into.</summary>
    public required IReadOnlyList<VaultPosture> Vaults { get; init; }

    /// <summary>Each stateful resource of the app, enrolled or excluded.</summary>
    public required IReadOnlyList<ResourcePosture> Resources { get; init; }

    /// <summary>Estimated monthly cost of all backups, USD.</summary>
    public required double EstimatedMonthlyCostUsd { get; init; }

    /// <summary>Store recovery's full-stack RTO target and where its last measurement is; null without store recovery.</summary>
    public StoreRecoveryPosture? StoreRecovery { get; init; }

    /// <summary>
    /// Estimated monthly cost of the same targets under one plan per tier (every rule for every type, no S3 tiering),
    /// USD: what rule derivation saves is the difference.
    /// </summary>
    public double NaiveEstimatedMonthlyCostUsd { get; init; }

    /// <summary>The rules derived for each tier and resource family that has a plan of its own, with the rules it does without.</summary>
    public IReadOnlyList<Plans.DerivedRuleSet> FamilyRules { get; init; } = [];

    /// <summary>The report as indented JSON (camelCase, durations as <c>5m</c>/<c>35d</c>).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The report as Markdown.</summary>
    public string ToMarkdown() => PostureText.Markdown(this);

    /// <summary>A one-screen plain-text summary for the console.</summary>
    public string Summary() => PostureText.Summary(this);

    /// <summary>Writes both files into a directory (the cloud assembly directory) and returns their paths.</summary>
    public (string Json, string Markdown) WriteTo(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, JsonFileName);
        var markdown = Path.Combine(directory, MarkdownFileName);
        File.WriteAllText(json, ToJson() + "\n");
        File.WriteAllText(markdown, ToMarkdown());
        return (json, markdown);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new DurationJsonConverter() },
    };

    private sealed class DurationJsonConverter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Validation.DurationText.TryParse(reader.GetString(), out var value) ? value : throw new JsonException("not a duration");

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Validation.DurationText.Format(value));
    }
}
