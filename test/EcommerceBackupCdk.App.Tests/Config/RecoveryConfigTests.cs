using System.Text.Json.Nodes;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Tests.Support;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.App.Tests.Config;

/// <summary>The <c>recovery</c> config key (store recovery): reading, and each rule with its message.</summary>
public sealed class RecoveryConfigTests
{
    private static JsonObject Demo() => JsonNode.Parse(DemoApp.DemoConfigJson())!.AsObject();

    private static JsonObject WithRecovery(string recovery)
    {
        var json = Demo();
        json["recovery"] = JsonNode.Parse(recovery);
        return json;
    }

    private static IReadOnlyList<string> Problems(JsonObject json)
    {
        var act = () => ConfigReader.Read(json.ToJsonString());
        return act.Should().Throw<BackupConfigurationException>().Which.Problems;
    }

    [Fact]
    public void Read_DemoConfig_QuarterlyDrillOfTheCriticalTierAtThreeInTheStoresTimeZone()
    {
        var config = ConfigReader.Read(DemoApp.DemoConfigJson());
        var recovery = config.Backup.Recovery;

        recovery.Enabled.Should().BeTrue();
        recovery.Tier.Should().Be(TierName.Critical);
        recovery.Schedule.Should().Be(RecoveryDefaults.Schedule);
        recovery.TimeZone.Should().Be("Europe/Istanbul");
        recovery.RestoreTimeout.Should().Be(TimeSpan.FromHours(3));
        config.Recovery.S3RestoreRoleArn.Should().Be("arn:aws:iam::111111111111:role/acme-backup-s3-restore");
    }

    [Fact]
    public void Read_AllKeys_ReachOptions()
    {
        var config = ConfigReader.Read(WithRecovery("""
            { "enabled": true, "tier": "standard", "schedule": "cron(30 2 15 2,5,8,11 ? *)", "timeZone": "Europe/Berlin", "pollInterval": "1m",
              "restoreTimeout": "6h", "auroraInstanceClass": "db.r6g.large", "s3RestoreRoleArn": "arn:aws:iam::111111111111:role/restore" }
            """).ToJsonString());
        var r = config.Backup.Recovery;

        r.Should().BeEquivalentTo(new RecoveryOptions
        {
            Enabled = true,
            Tier = TierName.Standard,
            Schedule = "cron(30 2 15 2,5,8,11 ? *)",
            TimeZone = "Europe/Berlin",
            PollInterval = TimeSpan.FromMinutes(1),
            RestoreTimeout = TimeSpan.FromHours(6),
            AuroraInstanceClass = "db.r6g.large",
        });
        config.Recovery.S3RestoreRoleArn.Should().Be("arn:aws:iam::111111111111:role/restore");
    }

    [Fact]
    public void Read_ScheduleNull_NoQuarterlyDrill()
    {
        ConfigReader.Read(WithRecovery("""{ "schedule": null }""").ToJsonString()).Backup.Recovery.Schedule.Should().BeNull();
    }

    [Fact]
    public void Read_EnabledFalseAlone_TurnsStoreRecoveryOff()
    {
        ConfigReader.Read(WithRecovery("""{ "enabled": false }""").ToJsonString()).Backup.Recovery.Enabled.Should().BeFalse();
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        { "unknown key", """{ "scheduel": "cron(0 3 1 1,4,7,10 ? *)" }""", "recovery.scheduel: is not a known key (got 'scheduel'" },
        { "settings while disabled", """{ "enabled": false, "tier": "standard", "schedule": "cron(0 3 1 1,4,7,10 ? *)" }""",
            "recovery.tier: does nothing while recovery.enabled is false (recovery.tier, recovery.schedule set) (got 'tier, schedule', allowed remove them, or set recovery.enabled to true)" },
        { "time zone without schedule", """{ "schedule": null, "timeZone": "Europe/Berlin" }""",
            "recovery.timeZone: does nothing while recovery.schedule is null (no quarterly drill) (got 'Europe/Berlin', allowed remove it, or set recovery.schedule)" },
        { "tier", """{ "tier": "gold" }""", "recovery.tier: is not a tier (got 'gold', allowed critical, standard, archive)" },
        { "role arn", """{ "s3RestoreRoleArn": "acme-backup-s3-restore" }""", "recovery.s3RestoreRoleArn: is not an IAM role ARN (got 'acme-backup-s3-restore', allowed arn:aws:iam::<12-digit account>:role/<name>)" },
        { "cron", """{ "schedule": "cron(0 3 1 1,4,7,10 MON *)" }""", "recovery.schedule: schedule " },
        { "time zone", """{ "timeZone": "Mars/Olympus" }""", "recovery.timeZone: is not an IANA time zone (got 'Mars/Olympus'" },
        { "poll interval", """{ "pollInterval": "2h" }""", "recovery.pollInterval: is out of range (got " },
        { "restore timeout", """{ "pollInterval": "1h", "restoreTimeout": "1h" }""", "recovery.restoreTimeout: must be longer than the poll interval and at most 7 days" },
        { "instance class", """{ "auroraInstanceClass": "r6g.large" }""", "recovery.auroraInstanceClass: is not a DB instance class (got 'r6g.large'" },
        { "enabled type", """{ "enabled": "yes" }""", "recovery.enabled: must be true or false (got 'yes'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_BadRecovery_NamesKeyValueAndAllowed(string name, string recovery, string expected)
    {
        Problems(WithRecovery(recovery)).Should().Contain(p => p.StartsWith(expected, StringComparison.Ordinal), because: $"case '{name}'");
    }

    [Fact]
    public void Read_RecoveryWhileDrillsAreOff_IsRefusedBecauseItWouldNotBeCreated()
    {
        var json = WithRecovery("""{ "tier": "critical" }""");
        json["drills"] = JsonNode.Parse("""{ "enabled": false }""");

        Problems(json).Should().Contain("recovery: does nothing while drills.enabled is false: store recovery runs on the drill validator and its report bucket (got 'enabled', allowed drills.enabled true, or recovery.enabled false)");
    }

    [Fact]
    public void Validate_LibraryOptionsDisabledWithSettings_AreRefused()
    {
        var problems = new ValidationProblems();

        RecoveryOptionsValidator.Validate(new RecoveryOptions { Enabled = false, Tier = TierName.Standard }, BackupTargets.Defaults, problems);

        problems.All.Should().ContainSingle().Which.Should().StartWith("recovery.enabled: is false, so the other recovery settings do nothing");
    }

    [Fact]
    public void Validate_LibraryTimeZoneWithoutSchedule_IsRefused()
    {
        var problems = new ValidationProblems();

        RecoveryOptionsValidator.Validate(new RecoveryOptions { Schedule = null, TimeZone = "Europe/Berlin" }, BackupTargets.Defaults, problems);

        problems.All.Should().ContainSingle().Which.Should().StartWith("recovery.timeZone: does nothing without a schedule");
    }
}
