using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Evidence;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Evidence;

public sealed class EvidenceFunctionTests
{
    [Fact]
    public void HandlerString_IsTheOneTheCdkConstructUses() =>
        EvidenceFunction.HandlerString.Should().Be("EcommerceBackupCdk.RestoreDrill::EcommerceBackupCdk.RestoreDrill.Evidence.EvidenceFunction::Handle");

    [Theory]
    [InlineData("""{"version":"0","detail-type":"Scheduled Event","source":"aws.events","time":"2026-11-01T06:00:00Z","detail":{}}""", "2026-10")]
    [InlineData("""{"time":"2027-01-01T06:00:00Z"}""", "2026-12")]
    [InlineData("""{"period":"2026-07"}""", "2026-07")]
    [InlineData("{}", "2026-10")]
    [InlineData("", "2026-10")]
    public void PeriodOf_ScheduledOrOnDemand_PicksTheMonth(string evt, string expected) =>
        EvidenceFunction.PeriodOf(evt, EvidenceSamples.Now).Key.Should().Be(expected);

    [Fact]
    public void PeriodOf_BadPeriod_SaysWhatIsAllowed() =>
        FluentActions.Invoking(() => EvidenceFunction.PeriodOf("""{"period":"October"}""", EvidenceSamples.Now))
            .Should().Throw<ArgumentException>().WithMessage("period: not a month (got 'October', allowed yyyy-MM such as 2026-10)*");

    [Fact]
    public async Task Run_WritesMarkdownHtmlAndJsonUnderTheMonth()
    {
        var bucket = Directory.CreateTempSubdirectory("evidence-run-");
        try
        {
            CopyDirectory(EvidenceSamples.Root, bucket.FullName);
            var function = new EvidenceFunction(new DirectoryEvidenceStore(bucket.FullName), EvidenceSamples.Settings, new EvidenceSamples.FixedClock(EvidenceSamples.Now));

            var run = await function.RunAsync("""{"time":"2026-11-01T06:00:00Z"}""", CancellationToken.None);

            run.Keys.Should().Equal("evidence-index/2026-10/index.json", "evidence-index/2026-10/index.md", "evidence-index/2026-10/index.html");
            run.Verdicts["standard"].Should().Be(TierEvidence.Met);
            var json = await File.ReadAllTextAsync(Path.Combine(bucket.FullName, "evidence-index", "2026-10", "index.json"));
            EvidenceIndexJson.Deserialize(json).Drills.Should().HaveCount(3);
            (await File.ReadAllTextAsync(Path.Combine(bucket.FullName, "evidence-index", "2026-10", "index.html"))).Should().StartWith("<!DOCTYPE html>");
        }
        finally
        {
            bucket.Delete(recursive: true);
        }
    }

    [Fact]
    public void Settings_EverythingMissing_ReportsEveryProblemAtOnce()
    {
        var act = () => EvidenceSettings.FromEnvironment(new Dictionary<string, string> { [EvidenceVariables.S3Endpoint] = "ftp://x" });

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            "STORE_NAME: not a store name (got '', allowed 1-64 of a-z, 0-9, '-')",
            "EVIDENCE_BUCKET: not an S3 bucket name (got '', allowed 3-63 of a-z, 0-9, '.', '-')",
            "AWS_REGION: required (got nothing, allowed an AWS region such as eu-central-1; Lambda sets it)",
            "EVIDENCE_TIERS: required (got nothing, allowed {\"critical\":{\"rpoSeconds\":300,\"rtoSeconds\":1800},...})",
            "EVIDENCE_S3_ENDPOINT: not an http(s) URL (got 'ftp://x', allowed e.g. http://127.0.0.1:45009)");
    }

    [Fact]
    public void Settings_TierWithoutTargets_IsRejected()
    {
        var act = () => EvidenceSettings.FromEnvironment(new Dictionary<string, string>
        {
            [EvidenceVariables.StoreName] = "acme",
            [EvidenceVariables.Bucket] = "acme-evidence",
            [EvidenceVariables.Region] = "eu-central-1",
            [EvidenceVariables.Tiers] = """{"critical":{"rpoSeconds":0,"rtoSeconds":1800}}""",
        });

        act.Should().Throw<ConfigurationException>().Which.Problems.Should().Equal(
            "EVIDENCE_TIERS: critical needs positive rpoSeconds and rtoSeconds (got 0 and 1800, allowed 1 or more)");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
