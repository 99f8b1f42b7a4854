using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Tests.Monitoring;

public sealed class MonitoringDefaultsTests
{
    [Fact]
    public void MissingBackupsAfter_DefaultTiers_IntervalPlusStartAndCompletionWindow()
    {
        MonitoringDefaults.MissingBackupsAfter(TierDefaults.Critical).Should().Be(TimeSpan.FromHours(4));
        MonitoringDefaults.MissingBackupsAfter(TierDefaults.Standard).Should().Be(TimeSpan.FromHours(33));
        MonitoringDefaults.MissingBackupsAfter(TierDefaults.Archive).Should().Be(TimeSpan.FromDays(32) + TimeSpan.FromHours(1));
    }

    [Fact]
    public void MissingBackupsAfter_CriticalTier_IsWellUnderADay()
    {
        MonitoringDefaults.MissingBackupsAfter(TierDefaults.Critical).Should().BeLessThan(TimeSpan.FromHours(6));
    }

    [Fact]
    public void SlowJobsAfter_DefaultTiers_ShorterOfIntervalAndCompletionWindow()
    {
        MonitoringDefaults.SlowJobsAfter(TierDefaults.Critical).Should().Be(TimeSpan.FromHours(1));
        MonitoringDefaults.SlowJobsAfter(TierDefaults.Standard).Should().Be(TimeSpan.FromHours(8));
        MonitoringDefaults.SlowJobsAfter(TierDefaults.Archive).Should().Be(TimeSpan.FromHours(24));
    }

    [Fact]
    public void Windows_NoValidSchedule_AreNull()
    {
        var broken = TierDefaults.Standard with { Rules = [TierDefaults.Standard.Rules[0] with { Schedule = "rate(1 day)" }] };

        MonitoringDefaults.MissingBackupsAfter(broken).Should().BeNull();
        MonitoringDefaults.SlowJobsAfter(broken).Should().BeNull();
    }

    [Fact]
    public void MonitoringNames_For_StoreWhatSeverity()
    {
        MonitoringNames.For("acme", MonitoringNames.What(AlarmKinds.MissingBackups, null, "critical-tier"), AlarmSeverity.Critical)
            .Should().Be("acme-missing-backups-critical-tier-critical");
        MonitoringNames.For("acme", MonitoringNames.What(AlarmKinds.RestoreJobsFailed, "dr-region"), AlarmSeverity.Warning)
            .Should().Be("acme-dr-region-restore-jobs-failed-warning");
    }

    [Fact]
    public void Severities_EveryKind_HasADefault()
    {
        MonitoringDefaults.Severities.Keys.Should().BeEquivalentTo(AlarmKinds.All);
    }
}
