using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Tests.Validation;

/// <summary>One failing case per validation rule, each asserting the message names key, value and what is allowed.</summary>
public sealed class PropsValidatorTests
{
    private static readonly EcommerceBackupProps Valid = TestStacks.DemoProps();

    private static EcommerceBackupProps WithCritical(Func<TierTargets, TierTargets> change) =>
        Valid with { Targets = Valid.Targets with { Critical = change(Valid.Targets.Critical) } };

    private static EcommerceBackupProps WithHourly(Func<SnapshotRule, SnapshotRule> change) =>
        WithCritical(t => t with { Rules = [change(t.Rules[0]), .. t.Rules.Skip(1)] });

    private static EcommerceBackupProps WithDr(Func<DisasterRecoveryOptions, DisasterRecoveryOptions> change) =>
        Valid with { DisasterRecovery = change(Valid.DisasterRecovery!) };

    // The demo targets with every copy to the DR account removed: only the DR region receives copies.
    private static BackupTargets RegionCopiesOnly()
    {
        static TierTargets Strip(TierTargets t) =>
            t with { Rules = [.. t.Rules.Select(r => r with { Copies = [.. r.Copies.Where(c => c.Destination == CopyDestination.DrRegion)] })] };
        var t = Valid.Targets;
        return t with { Critical = Strip(t.Critical), Standard = Strip(t.Standard), Archive = Strip(t.Archive) with { Rules = [.. t.Archive.Rules.Select(r => r with { Copies = [new CopyTarget { Destination = CopyDestination.DrRegion, Retention = r.Retention }] })] } };
    }

    private static readonly Dictionary<string, (Func<EcommerceBackupProps> Props, string Expected)> Cases = new()
    {
        ["store name"] = (() => Valid with { StoreName = "Acme Store" },
            "storeName: is not a valid store name (got 'Acme Store', allowed 2-20 lower-case letters"),
        ["time zone"] = (() => Valid with { ScheduleTimeZone = "Mars/Olympus" },
            "scheduleTimeZone: is not an IANA time zone (got 'Mars/Olympus', allowed an IANA name"),
        ["rpo positive"] = (() => WithCritical(t => t with { Rpo = TimeSpan.Zero }),
            "targets.critical.rpo: must be positive (got 0m"),
        ["rto positive"] = (() => WithCritical(t => t with { Rto = TimeSpan.FromMinutes(-5) }),
            "targets.critical.rto: must be positive (got -5m"),
        ["no rules"] = (() => WithCritical(t => t with { Rules = [] }),
            "targets.critical.rules: has no rule; every tier needs at least one scheduled rule (got 0, allowed 1 or more rules)"),
        ["continuous retention"] = (() => WithCritical(t => t with { Continuous = new ContinuousBackup { Retention = TimeSpan.FromDays(36) } }),
            "targets.critical.continuous.retention: continuous backup retention is out of range (got 36d, allowed whole days from 1d to 35d"),
        ["continuous schedule"] = (() => WithCritical(t => t with { Continuous = new ContinuousBackup { Retention = TimeSpan.FromDays(35), Schedule = "rate(1 day)" } }),
            "targets.critical.continuous.schedule: schedule is not an AWS Backup cron expression (got 'rate(1 day)'"),
        ["rpo not met"] = (() => WithCritical(t => t with { Continuous = null }),
            "targets.critical.rpo: cannot be met: the most frequent rule leaves up to 1h between recovery points and the tier has no continuous backup (got 5m"),
        ["rule name"] = (() => WithHourly(r => r with { Name = "every hour!" }),
            "targets.critical.rules: has an invalid rule name (got 'every hour!', allowed 1-50 letters, digits, '-', '_' or '.')"),
        ["duplicate rule"] = (() => WithCritical(t => t with { Rules = [t.Rules[0], t.Rules[0]] }),
            "targets.critical.rules: has a duplicate rule name (got 'Hourly', allowed unique rule names per tier)"),
        ["reserved rule name"] = (() => WithHourly(r => r with { Name = "Continuous" }),
            "targets.critical.rules: uses the rule name reserved for the continuous-backup rule (got 'Continuous'"),
        ["schedule more than hourly"] = (() => WithHourly(r => r with { Schedule = "cron(*/15 * ? * * *)" }),
            "targets.critical.rules.Hourly.schedule: schedule runs more than once an hour or has an invalid minute; the minute field must be one number 0-59 (AWS Backup runs a rule at most hourly) (got 'cron(*/15 * ? * * *)'"),
        ["schedule not cron"] = (() => WithHourly(r => r with { Schedule = "rate(1 hour)" }),
            "targets.critical.rules.Hourly.schedule: schedule is not an AWS Backup cron expression (got 'rate(1 hour)'"),
        ["schedule five fields"] = (() => WithHourly(r => r with { Schedule = "cron(0 * * * ?)" }),
            "targets.critical.rules.Hourly.schedule: schedule has 5 fields, AWS Backup cron needs 6"),
        ["schedule question marks"] = (() => WithHourly(r => r with { Schedule = "cron(0 * * * * *)" }),
            "targets.critical.rules.Hourly.schedule: schedule must have '?' in exactly one of day-of-month and day-of-week"),
        ["schedule hours"] = (() => WithHourly(r => r with { Schedule = "cron(0 25 ? * * *)" }),
            "targets.critical.rules.Hourly.schedule: schedule has an invalid hours field"),
        ["retention whole days"] = (() => WithHourly(r => r with { Retention = TimeSpan.FromHours(12) }),
            "targets.critical.rules.Hourly.retention: retention must be whole days, at least 1 day (got 12h"),
        ["retention max"] = (() => Valid with { Targets = Valid.Targets with { Archive = TierDefaults.ArchiveFor(101) }, VaultLock = new VaultLockOptions { MaxRetention = TimeSpan.FromDays(36500) } },
            "targets.archive.rules.Monthly.retention: retention is longer than AWS Backup allows (got 101y, allowed at most 36500d (100y))"),
        ["cold storage gap"] = (() => WithHourly(r => r with { MoveToColdStorageAfter = TimeSpan.FromDays(7) }),
            "targets.critical.rules.Hourly.retention: recovery points must stay in cold storage at least 90 days: retention must be at least moveToColdStorageAfter + 90 days (got 14d, allowed at least 97d)"),
        ["cold storage whole days"] = (() => WithHourly(r => r with { MoveToColdStorageAfter = TimeSpan.FromHours(1) }),
            "targets.critical.rules.Hourly.moveToColdStorageAfter: must be whole days, at least 1 day (got 1h"),
        ["start window"] = (() => WithHourly(r => r with { StartWindow = TimeSpan.FromMinutes(30) }),
            "targets.critical.rules.Hourly.startWindow: start window is too short (got 30m, allowed whole minutes, at least 60m"),
        ["completion window"] = (() => WithHourly(r => r with { StartWindow = TimeSpan.FromHours(2), CompletionWindow = TimeSpan.FromHours(2) }),
            "targets.critical.rules.Hourly.completionWindow: completion window must be at least the start window plus 60 minutes (got 2h, allowed whole minutes, at least 3h)"),
        ["completion window max"] = (() => WithHourly(r => r with { CompletionWindow = TimeSpan.FromDays(8) }),
            "targets.critical.rules.Hourly.completionWindow: completion window is too long (got 8d, allowed at most 7d)"),
        ["copy retention"] = (() => WithHourly(r => r with { Copies = [new CopyTarget { Destination = CopyDestination.DrRegion, Retention = TimeSpan.Zero }] }),
            "targets.critical.rules.Hourly.copies[0].retention: retention must be whole days, at least 1 day (got 0m"),
        ["copy cold gap"] = (() => WithHourly(r => r with { Copies = [new CopyTarget { Destination = CopyDestination.DrRegion, Retention = TimeSpan.FromDays(30), MoveToColdStorageAfter = TimeSpan.FromDays(1) }] }),
            "targets.critical.rules.Hourly.copies[0].retention: recovery points must stay in cold storage at least 90 days"),
        ["copy twice"] = (() => WithHourly(r => r with { Copies = [new CopyTarget { Destination = CopyDestination.DrRegion, Retention = TimeSpan.FromDays(14) }, new CopyTarget { Destination = CopyDestination.DrRegion, Retention = TimeSpan.FromDays(14) }] }),
            "targets.critical.rules.Hourly.copies: copies the same recovery point twice to one destination (got ['DrRegion', 'DrRegion']"),
        ["dr region required"] = (() => Valid with { DisasterRecovery = new DisasterRecoveryOptions { Account = TestStacks.DrAccount } },
            "disasterRecovery.region: is required because targets.critical.rules.Daily copies to the DR region (got nothing"),
        ["dr account required"] = (() => Valid with { DisasterRecovery = new DisasterRecoveryOptions { Region = TestStacks.DrRegion } },
            "disasterRecovery.account: is required because targets.critical.rules.Weekly copies to the DR account (got nothing"),
        ["dr region unknown"] = (() => WithDr(d => d with { Region = "eu-middle-9" }),
            "disasterRecovery.region: is not an AWS region (got 'eu-middle-9'"),
        ["dr region same"] = (() => WithDr(d => d with { Region = TestStacks.PrimaryRegion }),
            "disasterRecovery.region: is the primary region; a DR copy in the same region does not survive a regional outage (got 'eu-central-1', allowed any region other than 'eu-central-1')"),
        ["dr region partition"] = (() => WithDr(d => d with { Region = "cn-north-1" }),
            "disasterRecovery.region: is in another AWS partition; AWS Backup cannot copy across partitions (got 'cn-north-1', allowed a region of partition 'aws')"),
        ["dr account id"] = (() => WithDr(d => d with { Account = "2222" }),
            "disasterRecovery.account: is not an AWS account id (got '2222', allowed 12 digits)"),
        ["dr account same"] = (() => WithDr(d => d with { Account = TestStacks.PrimaryAccount }),
            "disasterRecovery.account: is the primary account; a DR copy in the same account does not survive an account compromise (got '111111111111'"),
        ["dr account region"] = (() => WithDr(d => d with { AccountRegion = "moon-1" }),
            "disasterRecovery.accountRegion: is not an AWS region (got 'moon-1'"),
        ["organization id"] = (() => WithDr(d => d with { OrganizationId = "org-123" }),
            "disasterRecovery.organizationId: is not an AWS Organizations id (got 'org-123'"),
        ["compliance ack"] = (() => Valid with { VaultLock = new VaultLockOptions { Mode = VaultLockMode.Compliance } },
            "vaultLock.acknowledgeComplianceModeIsIrreversible: compliance mode makes the lock and every recovery point's retention permanent after the grace time; acknowledge this explicitly (got False, allowed true when vaultLock.mode is 'compliance')"),
        ["changeable for"] = (() => Valid with { VaultLock = new VaultLockOptions { Mode = VaultLockMode.Compliance, AcknowledgeComplianceModeIsIrreversible = true, ChangeableFor = TimeSpan.FromDays(1) } },
            "vaultLock.changeableFor: grace time is too short (got 1d, allowed whole days, at least 3d (AWS minimum))"),
        ["changeable for in governance"] = (() => Valid with { VaultLock = new VaultLockOptions { Mode = VaultLockMode.Governance, ChangeableFor = TimeSpan.FromDays(7) } },
            "vaultLock.changeableFor: does nothing in governance mode: only a compliance-mode lock has a grace time (got 7d, allowed no value with vaultLock.mode 'governance', or vaultLock.mode 'compliance')"),
        ["dr account region without account"] = (() => WithDr(d => d with { Account = null, AccountRegion = "eu-west-1" }) with { Targets = RegionCopiesOnly() },
            "disasterRecovery.accountRegion: does nothing without disasterRecovery.account: it places the DR account's vault (got 'eu-west-1', allowed no value, or disasterRecovery.account as well)"),
        ["dr account without copies"] = (() => Valid with { Targets = RegionCopiesOnly() },
            "disasterRecovery.account: does nothing: no rule of any tier copies to the DR account (got '222222222222', allowed no value, or a rule with a copy to 'drAccount')"),
        ["lock min"] = (() => Valid with { VaultLock = new VaultLockOptions { MinRetention = TimeSpan.FromHours(5) } },
            "vaultLock.minRetention: must be whole days, at least 1 day (got 5h"),
        ["lock max"] = (() => Valid with { VaultLock = new VaultLockOptions { MaxRetention = TimeSpan.FromDays(40000) } },
            "vaultLock.maxRetention: must be whole days, at most 36500 days (got 40000d"),
        ["lock min above max"] = (() => Valid with { VaultLock = new VaultLockOptions { MinRetention = TimeSpan.FromDays(30), MaxRetention = TimeSpan.FromDays(20) } },
            "vaultLock.minRetention: is longer than vaultLock.maxRetention (got 30d, allowed at most 20d)"),
        ["retention below lock"] = (() => Valid with { VaultLock = new VaultLockOptions { MinRetention = TimeSpan.FromDays(20) } },
            "targets.critical.rules.Hourly.retention: is shorter than the primary vault lock's minimum retention; AWS Backup would fail every job (got 14d, allowed at least vaultLock.minRetention = 20d)"),
        ["retention above lock"] = (() => Valid with { VaultLock = new VaultLockOptions { MaxRetention = TimeSpan.FromDays(365) } },
            "targets.archive.rules.Monthly.retention: is longer than the primary vault lock's maximum retention; AWS Backup would fail every job (got 7y, allowed at most vaultLock.maxRetention = 1y)"),
        ["copy above dr lock"] = (() => Valid with { VaultLock = new VaultLockOptions { MaxRetention = TimeSpan.FromDays(60) } },
            "targets.standard.rules.Weekly.copies[0].retention: is longer than the DR-region vault lock's maximum retention"),
        ["email"] = (() => Valid with { Notifications = new NotificationOptions { Emails = ["oncall-at-acme"] } },
            "notifications.emails[0]: is not an email address (got 'oncall-at-acme'"),
        ["deprecated vault event"] = (() => Valid with { Notifications = new NotificationOptions { VaultEvents = ["BACKUP_JOB_FAILED"] } },
            "notifications.vaultEvents: is deprecated: AWS Backup accepts it but never sends it, so the alert would never arrive (got 'BACKUP_JOB_FAILED', allowed BACKUP_JOB_STARTED"),
        ["unknown vault event"] = (() => Valid with { Notifications = new NotificationOptions { VaultEvents = ["BACKUP_JOB_EXPLODED"] } },
            "notifications.vaultEvents: is not a backup vault event (got 'BACKUP_JOB_EXPLODED'"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Fact]
    public void Validate_DemoProps_HasNoProblem()
    {
        PropsValidator.Validate(Valid, TestStacks.PrimaryAccount, TestStacks.PrimaryRegion).All.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Validate_BrokenRule_ReportsKeyValueAndAllowed(string name)
    {
        var (props, expected) = Cases[name];

        var problems = PropsValidator.Validate(props(), TestStacks.PrimaryAccount, TestStacks.PrimaryRegion).All;

        problems.Should().Contain(p => p.StartsWith(expected, StringComparison.Ordinal),
            because: $"case '{name}' should be reported; got:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Validate_WeekdayRuleWithAThreeDayRpo_IsAccepted()
    {
        // Monday to Friday at 03:00 leaves at most 3 days (Friday to Monday); read as "restricted weekdays = a week",
        // this RPO used to be refused.
        var weekdays = new SnapshotRule { Name = "Weekdays", Schedule = "cron(0 3 ? * MON-FRI *)", Retention = TimeSpan.FromDays(35) };
        var props = Valid with { Targets = Valid.Targets with { Standard = Valid.Targets.Standard with { Rpo = TimeSpan.FromDays(3), Rules = [weekdays] } } };

        PropsValidator.Validate(props, TestStacks.PrimaryAccount, TestStacks.PrimaryRegion).All.Should().NotContain(p => p.StartsWith("targets.standard.rpo", StringComparison.Ordinal));
        var tooShort = props with { Targets = props.Targets with { Standard = props.Targets.Standard with { Rpo = TimeSpan.FromDays(2) } } };
        PropsValidator.Validate(tooShort, TestStacks.PrimaryAccount, TestStacks.PrimaryRegion).All.Should().Contain(
            "targets.standard.rpo: cannot be met: the most frequent rule leaves up to 3d between recovery points and the tier has no continuous backup (got 2d, allowed an RPO of at least 3d, a more frequent rule, or continuous backup (5m))");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAllAtOnce()
    {
        var props = Valid with { StoreName = "X", ScheduleTimeZone = "Nowhere", Notifications = new NotificationOptions { Emails = ["nope"] } };

        var act = () => PropsValidator.ThrowIfInvalid(props);

        act.Should().Throw<BackupConfigurationException>()
            .Which.Problems.Should().HaveCount(3);
    }

    [Fact]
    public void Validate_PrimaryRegionUnknown_SkipsComparisonsInsteadOfGuessing()
    {
        var props = WithDr(d => d with { Region = TestStacks.PrimaryRegion });

        PropsValidator.Validate(props, primaryAccount: null, primaryRegion: null).All.Should().BeEmpty();
    }

    [Fact]
    public void Validate_PrimaryAccountMalformed_ReportsIt()
    {
        PropsValidator.Validate(Valid, "12345", TestStacks.PrimaryRegion).All
            .Should().Contain("primary.account: is not an AWS account id (got '12345', allowed 12 digits)");
    }

    [Fact]
    public void Validate_PrimaryRegionUnknown_ReportsIt()
    {
        PropsValidator.Validate(Valid, TestStacks.PrimaryAccount, "eu-centrl-1").All
            .Should().Contain(p => p.StartsWith("primary.region: is not an AWS region (got 'eu-centrl-1'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoCopiesAndNoDisasterRecovery_IsValid()
    {
        var noCopies = Valid.Targets with
        {
            Critical = Valid.Targets.Critical with { Rules = Valid.Targets.Critical.Rules.Select(r => r with { Copies = [] }).ToList() },
            Standard = Valid.Targets.Standard with { Rules = Valid.Targets.Standard.Rules.Select(r => r with { Copies = [] }).ToList() },
            Archive = Valid.Targets.Archive with { Rules = Valid.Targets.Archive.Rules.Select(r => r with { Copies = [] }).ToList() },
        };

        PropsValidator.Validate(Valid with { Targets = noCopies, DisasterRecovery = null }).All.Should().BeEmpty();
    }
}
