using System.Text.Json;
using EcommerceBackupCdk.RestoreDrill.Reports;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Reports;

public sealed class DrillReportTests
{
    private static string Sample => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "sample-drill-report.json"));

    [Fact]
    public void Deserialize_SampleReport_ReadsEveryField()
    {
        var report = DrillReportJson.Deserialize(Sample);

        report.SchemaVersion.Should().Be(1);
        report.Store.Should().Be("acme");
        report.Result.Should().Be(DrillResult.Succeeded);
        report.Checks.Should().HaveCount(7);
        report.DataFreshnessSeconds.Should().Be(120);
        report.S3Key.Should().Be("drills/2026/11/20/AB123456-78C9-0123-456D-789012E34567.json");
    }

    [Fact]
    public void Serialize_SampleReport_KeepsTheSchemaExactly()
    {
        var expected = JsonDocument.Parse(Sample).RootElement;
        var actual = JsonDocument.Parse(DrillReportJson.Serialize(DrillReportJson.Deserialize(Sample))).RootElement;

        actual.EnumerateObject().Select(p => p.Name).Should().Equal(expected.EnumerateObject().Select(p => p.Name),
            "issue 6 reads these names; change them only with a new schemaVersion");
        JsonSerializer.Serialize(actual).Should().Be(JsonSerializer.Serialize(expected));
    }

    [Fact]
    public void For_JobCreatedLateInTheDayWithOffset_UsesTheUtcDate()
    {
        DrillReportKey.For("JOB-1", new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(-2)))
            .Should().Be("drills/2027/01/01/JOB-1.json");
    }
}
