using EcommerceBackupCdk.RestoreDrill.Evidence;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Evidence;

/// <summary>
/// The sample evidence bucket in TestData/Evidence: October 2026 of store "acme" — three drills (one failed its
/// RTO), a September drill and a truncated report, Audit Manager reports as JSON and CSV (an early and a late
/// control compliance report, a November one), CloudTrail digests in two regions and one plain log file.
/// </summary>
internal static class EvidenceSamples
{
    public static readonly EvidencePeriod October = new(2026, 10);

    public static readonly DateTimeOffset Now = new(2026, 11, 1, 6, 0, 5, TimeSpan.Zero);

    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData", "Evidence");

    public static EvidenceSettings Settings => EvidenceSettings.FromEnvironment(new Dictionary<string, string>
    {
        [EvidenceVariables.StoreName] = "acme",
        [EvidenceVariables.Bucket] = "acme-backup-evidence-1a2b3c",
        [EvidenceVariables.Region] = "eu-central-1",
        [EvidenceVariables.Frameworks] = "acme_backup_critical,acme_backup_standard,acme_backup_archive,acme_backup_vaults",
        [EvidenceVariables.Tiers] = """
            {"critical":{"rpoSeconds":300,"rtoSeconds":1800,"retentionDays":90,"rules":["Hourly cron(0 * ? * * *) kept 14d","Daily cron(0 3 ? * * *) kept 35d","Weekly cron(0 4 ? * SUN *) kept 35d","Continuous (PITR) kept 35d"],"copies":["Daily -> DR region eu-west-1","Weekly -> DR account 222222222222"]},
             "standard":{"rpoSeconds":86400,"rtoSeconds":14400,"retentionDays":90,"rules":["Daily cron(0 3 ? * * *) kept 35d","Weekly cron(0 4 ? * SUN *) kept 90d"],"copies":["Weekly -> DR region eu-west-1"]},
             "archive":{"rpoSeconds":2678400,"rtoSeconds":86400,"retentionDays":2555,"rules":["Monthly cron(0 5 1 * ? *) kept 2555d"],"copies":["Monthly -> DR account 222222222222"]}}
            """,
    });

    public static async Task<EvidenceIndex> OctoberIndexAsync() =>
        await new EvidenceIndexBuilder(new DirectoryEvidenceStore(Root), Settings, new FixedClock(Now)).BuildAsync(October, CancellationToken.None);

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
