using System.Text.Json;
using EcommerceBackupCdk.RestoreDrill.Metrics;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Metrics;

public sealed class EmfWriterTests
{
    [Fact]
    public void Write_SomeMetricsWithoutValue_DeclaresOnlyThePresentOnesWithStoreAndResourceType()
    {
        using var output = new StringWriter();

        new EmfWriter(output).Write("acme", "DynamoDB", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000),
            [(DrillMetricNames.RestoreDurationSeconds, 900, DrillMetrics.SecondsUnit), (DrillMetricNames.DataFreshnessSeconds, null, DrillMetrics.SecondsUnit), (DrillMetricNames.Success, 1, DrillMetrics.CountUnit)],
            new Dictionary<string, string?> { ["RestoreJobId"] = "J" });

        output.ToString().Trim().Should().NotContain("\n", "EMF is one JSON object per line");
        var doc = JsonDocument.Parse(output.ToString()).RootElement;
        var aws = doc.GetProperty("_aws");
        aws.GetProperty("Timestamp").GetInt64().Should().Be(1_700_000_000_000);
        var directive = aws.GetProperty("CloudWatchMetrics")[0];
        directive.GetProperty("Namespace").GetString().Should().Be("EcommerceBackup/RestoreDrill");
        directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()).Should().Equal("Store", "ResourceType");
        directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()).Should().Equal("RestoreDurationSeconds", "Success");
        doc.GetProperty("Store").GetString().Should().Be("acme");
        doc.GetProperty("RestoreDurationSeconds").GetDouble().Should().Be(900);
        doc.TryGetProperty("DataFreshnessSeconds", out _).Should().BeFalse();
        doc.GetProperty("RestoreJobId").GetString().Should().Be("J");
    }
}
