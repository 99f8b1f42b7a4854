namespace EcommerceBackupCdk.Tiers;

/// <summary>
/// Every default number of the tier model, in one place (DESIGN §3). Each is overridable through
/// <see cref="BackupTargets"/> or the <c>ecommerceBackup.tiers</c> config key.
/// </summary>
public static class TierDefaults
{
    /// <summary>Default start window of a rule: 1 hour, the minimum AWS Backup accepts.</summary>
    public static readonly TimeSpan StartWindow = TimeSpan.FromHours(1);

    /// <summary>Default completion window of a rule: 8 hours.</summary>
    public static readonly TimeSpan CompletionWindow = TimeSpan.FromHours(8);

    /// <summary>
    /// The worst-case RPO of continuous backup. RDS and Aurora restorable time trails by up to 5 minutes
    /// (transaction logs are uploaded every 5 minutes); DynamoDB and S3 are closer. 5 minutes is the honest bound.
    /// </summary>
    public static readonly TimeSpan ContinuousRpo = TimeSpan.FromMinutes(5);

    /// <summary>Default years an archive recovery point is kept: 7 (Turkish VUK requires 5; most tax regimes 5–10).</summary>
    public const int ArchiveYears = 7;

    /// <summary>Days in a retention year. A year is counted as 365 days; use more years to cover leap days.</summary>
    public const int DaysPerYear = 365;

    /// <summary>Cold-storage transitions must leave at least this much warm-to-delete gap (AWS Backup rule).</summary>
    public static readonly TimeSpan MinimumColdStorageDuration = TimeSpan.FromDays(90);

    /// <summary>The <c>critical</c> tier: orders, payments, carts/sessions.</summary>
    public static TierTargets Critical { get; } = new()
    {
        Rpo = TimeSpan.FromMinutes(5),
        Rto = TimeSpan.FromMinutes(30),
        Continuous = new ContinuousBackup { Retention = TimeSpan.FromDays(35) },
        Rules =
        [
            new SnapshotRule
            {
                Name = "Hourly",
                Schedule = "cron(0 * ? * * *)",
                Retention = TimeSpan.FromDays(14),
                CompletionWindow = TimeSpan.FromHours(2),
            },
            new SnapshotRule
            {
                Name = "Daily",
                Schedule = "cron(0 3 ? * * *)",
                Retention = TimeSpan.FromDays(35),
                Copies = [new CopyTarget { Destination = CopyDestination.DrRegion, Retention = TimeSpan.FromDays(35) }],
            },
            new SnapshotRule
            {
                Name = "Weekly",
                Schedule = "cron(0 4 ? * SUN *)",
                Retention = TimeSpan.FromDays(35),
                Copies = [new CopyTarget { Destination = CopyDestination.DrAccount, Retention = TimeSpan.FromDays(90) }],
            },
        ],
    };

    /// <summary>The <c>standard</c> tier: catalog, theme/config, inventory logs.</summary>
    public static TierTargets Standard { get; } = new()
    {
        Rpo = TimeSpan.FromHours(24),
        Rto = TimeSpan.FromHours(4),
        Rules =
        [
            new SnapshotRule
            {
                Name = "Daily",
                Schedule = "cron(0 3 ? * * *)",
                Retention = TimeSpan.FromDays(35),
            },
            new SnapshotRule
            {
                Name = "Weekly",
                Schedule = "cron(0 4 ? * SUN *)",
                Retention = TimeSpan.FromDays(90),
                Copies = [new CopyTarget { Destination = CopyDestination.DrRegion, Retention = TimeSpan.FromDays(90) }],
            },
        ],
    };

    /// <summary>The <c>archive</c> tier: tax and audit history, monthly, kept <see cref="ArchiveYears"/> years.</summary>
    public static TierTargets Archive { get; } = ArchiveFor(ArchiveYears);

    /// <summary>The archive tier with a different number of years, cold storage after 90 days.</summary>
    public static TierTargets ArchiveFor(int years) => new()
    {
        Rpo = TimeSpan.FromDays(31),
        Rto = TimeSpan.FromHours(24),
        Rules =
        [
            new SnapshotRule
            {
                Name = "Monthly",
                Schedule = "cron(0 5 1 * ? *)",
                Retention = TimeSpan.FromDays(years * DaysPerYear),
                MoveToColdStorageAfter = TimeSpan.FromDays(90),
                CompletionWindow = TimeSpan.FromHours(24),
                Copies =
                [
                    new CopyTarget
                    {
                        Destination = CopyDestination.DrAccount,
                        Retention = TimeSpan.FromDays(years * DaysPerYear),
                        MoveToColdStorageAfter = TimeSpan.FromDays(90),
                    },
                ],
            },
        ],
    };
}
