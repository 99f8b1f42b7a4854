using EcommerceBackupCdk.RestoreDrill.Evidence;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Evidence;

public sealed class EvidenceIndexBuilderTests
{
    [Fact]
    public async Task Build_October_TakesOnlyTheDrillsOfThePeriodWithTheirMeasuredRtoAndRpo()
    {
        var index = await EvidenceSamples.OctoberIndexAsync();

        index.Drills.Select(d => d.RestoreJobId).Should().Equal(
            "7F3A1C2E-0B4D-4E55-9A61-2C8D1E0F4A10", "0C55D3B1-77E2-4F0A-B3D6-5E1F9A2B8C44", "A91E02F7-4C3B-4D8A-8E7F-11B2C3D4E5F6");
        var rds = index.Drills.Single(d => d.ResourceType == "RDS");
        rds.RestoreSeconds.Should().Be(2480);
        rds.RtoTargetSeconds.Should().Be(1800);
        rds.RtoMet.Should().BeFalse();
        rds.DataFreshnessSeconds.Should().Be(170);
        rds.RpoMet.Should().BeTrue();
        rds.Result.Should().Be("FAILED");
        index.Unreadable.Should().ContainSingle().Which.Should().StartWith("drills/2026/10/23/BROKEN.json: not a drill report");
    }

    [Fact]
    public async Task Build_October_VerdictPerTierFollowsControlsAndDrills()
    {
        var index = await EvidenceSamples.OctoberIndexAsync();

        index.Tiers.Select(t => (t.Tier, t.Verdict)).Should().Equal(
            ("critical", TierEvidence.Attention), ("standard", TierEvidence.Met), ("archive", TierEvidence.Attention));
        var critical = index.Tiers[0];
        critical.Targets.RtoSeconds.Should().Be(1800);
        critical.Framework.Should().Be("acme_backup_critical");
        critical.DrillsRun.Should().Be(2);
        critical.DrillsFailed.Should().Be(1);
        critical.WorstRestoreSeconds.Should().Be(2480);
        critical.Findings.Should().Contain(f => f.StartsWith("control RESTORE_TIME_FOR_RESOURCES_MEET_TARGET is NON_COMPLIANT", StringComparison.Ordinal));
        critical.Findings.Should().Contain(f => f.StartsWith("drill 0C55D3B1-77E2-4F0A-B3D6-5E1F9A2B8C44 (RDS) failed", StringComparison.Ordinal));
        index.Tiers[2].Findings.Should().Equal("no restore drill ran in the period");
    }

    [Fact]
    public async Task Build_October_LatestEvaluationOfEachControlWins_NovemberReportIgnored()
    {
        var index = await EvidenceSamples.OctoberIndexAsync();

        var restoreTime = index.Controls.Single(c => c.Framework == "acme_backup_critical" && c.Control == "RESTORE_TIME_FOR_RESOURCES_MEET_TARGET");
        restoreTime.Status.Should().Be("NON_COMPLIANT");
        restoreTime.LastEvaluation.Should().Be(DateTimeOffset.Parse("2026-10-31T03:12:38.400Z", System.Globalization.CultureInfo.InvariantCulture));
        restoreTime.Parameters.Should().Be("""{"maxRestoreTime":"30"}""");
        index.Controls.Should().HaveCount(9);
        index.Controls[^1].Framework.Should().Be("acme_backup_vaults");
        index.Controls.Single(c => c.Control == "BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED").Tier.Should().BeNull();
        index.AuditReportKeys.Should().NotContain(k => k.Contains("/2026/11/", StringComparison.Ordinal)).And.HaveCount(6);
    }

    [Fact]
    public async Task Build_October_CountsJobsAndCopiesPerDestination_FromJsonAndCsv()
    {
        var index = await EvidenceSamples.OctoberIndexAsync();

        index.BackupJobs.Should().BeEquivalentTo(new JobSummary { Completed = 2, Failed = 1, FailedJobIds = ["9A8B7C6D-0001-0002-0003-000000000003"] });
        index.CopyJobs.Completed.Should().Be(1);
        index.CopyJobs.Failed.Should().Be(1);
        index.CopiesByDestination.Should().Equal(
            new CopyDestinationSummary("arn:aws:backup:eu-central-1:222222222222:backup-vault:acme-dr-account", 0, 1),
            new CopyDestinationSummary("arn:aws:backup:eu-west-1:111111111111:backup-vault:acme-dr-region", 1, 0));
        index.RestoreJobs.Completed.Should().Be(1);
        index.NonCompliantResources.Should().ContainSingle().Which.ResourceId.Should().Be("AWS::RDS::DBInstance/acme-shop");
    }

    [Fact]
    public async Task Build_October_PointsAtTheDigestsOfThePeriodOnly()
    {
        var index = await EvidenceSamples.OctoberIndexAsync();

        index.TrailDigests.Count.Should().Be(5, "five digests in October; the November digest and the plain log file do not count");
        index.TrailDigests.Regions.Should().Equal("eu-central-1", "eu-west-1");
        index.TrailDigests.First.Should().EndWith("_20261001T001532Z.json.gz");
        index.TrailDigests.Last.Should().EndWith("/eu-central-1/2026/10/31/111111111111_CloudTrail-Digest_eu-central-1_acme-backup-audit_eu-central-1_20261031T231532Z.json.gz");
        index.DrillReportKeys.Should().HaveCount(3);
    }

    [Fact]
    public async Task Build_DrillReportsInTheirOwnBucket_AreReadAndPointedAtThere()
    {
        var evidence = Directory.CreateTempSubdirectory("evidence-only-");
        try
        {
            var settings = EvidenceSamples.Settings with { DrillReportBucket = "acme-drill-reports" };
            var index = await new EvidenceIndexBuilder(new DirectoryEvidenceStore(evidence.FullName), settings, drillStore: new DirectoryEvidenceStore(EvidenceSamples.Root))
                .BuildAsync(EvidenceSamples.October, CancellationToken.None);

            index.Drills.Should().HaveCount(3);
            index.Controls.Should().BeEmpty("the evidence bucket is empty");
            EvidenceMarkdown.Render(index).Should().Contain("`s3://acme-drill-reports/drills/2026/10/02/7F3A1C2E-0B4D-4E55-9A61-2C8D1E0F4A10.json`");
        }
        finally
        {
            evidence.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Build_EmptyBucket_NoEvidenceForEveryTier()
    {
        var empty = Directory.CreateTempSubdirectory("evidence-empty-");
        try
        {
            var index = await new EvidenceIndexBuilder(new DirectoryEvidenceStore(empty.FullName), EvidenceSamples.Settings).BuildAsync(EvidenceSamples.October, CancellationToken.None);

            index.Tiers.Should().OnlyContain(t => t.Verdict == TierEvidence.NoEvidence);
            index.TrailDigests.Count.Should().Be(0);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Json_RoundTrips_WithCamelCaseNames()
    {
        var index = await EvidenceSamples.OctoberIndexAsync();

        var json = EvidenceIndexJson.Serialize(index);

        json.Should().Contain("\"schemaVersion\": 1").And.Contain("\"rtoTargetSeconds\": 1800").And.Contain("\"trailDigests\"");
        EvidenceIndexJson.Deserialize(json).Drills.Should().BeEquivalentTo(index.Drills);
    }

    [Fact]
    public async Task Markdown_HasTheTierSummaryDrillsControlsAndPointers()
    {
        var md = EvidenceMarkdown.Render(await EvidenceSamples.OctoberIndexAsync());

        md.Should().StartWith("# Backup evidence — acme — 2026-10\n");
        md.Should().Contain("| critical | 5 min | 30 min | 90 d | 4 / 1 | 1 / 2 | 41 min 20 s | 2 min 50 s | **Needs attention** |");
        md.Should().Contain("| critical | RDS arn:aws:rds:eu-central-1:111111111111:db:acme-shop | 2026-10-09 15:44 UTC | 41 min 20 s of 30 min (MISSED) |");
        md.Should().Contain("`s3://acme-backup-evidence-1a2b3c/drills/2026/10/02/7F3A1C2E-0B4D-4E55-9A61-2C8D1E0F4A10.json`");
        md.Should().Contain("- Copy jobs: 1 completed, 1 failed, 0 other");
    }
}
