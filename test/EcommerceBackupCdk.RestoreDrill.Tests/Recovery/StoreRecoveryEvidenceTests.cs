using EcommerceBackupCdk.RestoreDrill.Evidence;
using EcommerceBackupCdk.RestoreDrill.Tests.Evidence;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Recovery;

public sealed class StoreRecoveryEvidenceTests
{
    [Theory]
    [InlineData(1200, "Last measured full-stack RTO: **20 min** of the critical target 30 min (met)")]
    [InlineData(2400, "Last measured full-stack RTO: **40 min** of the critical target 30 min (MISSED)")]
    public async Task EvidenceIndex_ShowsTheLastMeasuredFullStackRtoBesideTheTarget(long measured, string expected)
    {
        var drills = Directory.CreateTempSubdirectory("ebc-recovery-evidence");
        var evidence = Directory.CreateTempSubdirectory("ebc-recovery-evidence-empty");
        try
        {
            Directory.CreateDirectory(Path.Combine(drills.FullName, "recovery"));
            await File.WriteAllTextAsync(Path.Combine(drills.FullName, "recovery", "latest.json"), $$"""
                {"store":"acme","tier":"critical","mode":"drill","executionName":"quarterly-2026-10","pointInTime":"2026-10-01T02:55:00Z",
                 "startedAt":"2026-10-01T03:00:00Z","finishedAt":"2026-10-01T03:40:00Z","fullStackRtoSeconds":{{measured}},"rtoTargetSeconds":1800,
                 "rpoTargetSeconds":300,"result":"SUCCEEDED","resources":[],"checks":[]}
                """);

            var index = await new EvidenceIndexBuilder(new DirectoryEvidenceStore(evidence.FullName), EvidenceSamples.Settings, drillStore: new DirectoryEvidenceStore(drills.FullName))
                .BuildAsync(EvidenceSamples.October, CancellationToken.None);

            index.LastStoreRecovery.Should().NotBeNull();
            index.LastStoreRecovery!.FullStackRtoSeconds.Should().Be(measured);
            index.LastStoreRecovery.RtoMet.Should().Be(measured <= 1800);
            EvidenceMarkdown.Render(index).Should().Contain(expected);
        }
        finally
        {
            drills.Delete(true);
            evidence.Delete(true);
        }
    }
}
