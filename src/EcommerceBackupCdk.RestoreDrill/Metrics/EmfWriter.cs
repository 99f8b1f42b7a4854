using System.Text.Json;

namespace EcommerceBackupCdk.RestoreDrill.Metrics;

/// <summary>
/// Writes one CloudWatch Embedded Metric Format line per drill; Lambda ships stdout to CloudWatch Logs, which extracts
/// the metrics only when the log event is the EMF JSON object itself. On the managed .NET runtime <c>Console.Out</c> is
/// the runtime's wrapper, which prefixes each line (Text format) or nests it in a <c>"message"</c> string (JSON format);
/// the function is therefore deployed with <c>AWS_LAMBDA_HANDLER_LOG_FORMAT=Unformatted</c>, which makes the wrapper
/// write the line unchanged (see <c>DrillValidatorContract.UnformattedLogFormat</c> in the CDK library for the sources).
/// </summary>
public sealed class EmfWriter
{
    private readonly TextWriter _output;

    public EmfWriter(TextWriter output)
    {
        _output = output;
    }

    /// <summary>Writes the metrics that have a value; properties are added as searchable log fields.</summary>
    public string Write(
        string store,
        string resourceType,
        DateTimeOffset timestamp,
        IReadOnlyList<(string Name, double? Value, string Unit)> metrics,
        IReadOnlyDictionary<string, string?> properties)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(properties);
        var present = metrics.Where(m => m.Value.HasValue).ToList();
        var doc = new Dictionary<string, object?>
        {
            ["_aws"] = new Dictionary<string, object>
            {
                ["Timestamp"] = timestamp.ToUnixTimeMilliseconds(),
                ["CloudWatchMetrics"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["Namespace"] = DrillMetricNames.Namespace,
                        ["Dimensions"] = new[] { new[] { DrillMetricNames.StoreDimension, DrillMetricNames.ResourceTypeDimension } },
                        ["Metrics"] = present.Select(m => new Dictionary<string, string> { ["Name"] = m.Name, ["Unit"] = m.Unit }).ToArray(),
                    },
                },
            },
            [DrillMetricNames.StoreDimension] = store,
            [DrillMetricNames.ResourceTypeDimension] = resourceType,
        };
        foreach (var (name, value, _) in present)
        {
            doc[name] = value!.Value;
        }

        foreach (var (name, value) in properties)
        {
            doc.TryAdd(name, value);
        }

        var line = JsonSerializer.Serialize(doc);
        _output.WriteLine(line);
        _output.Flush();
        return line;
    }
}
