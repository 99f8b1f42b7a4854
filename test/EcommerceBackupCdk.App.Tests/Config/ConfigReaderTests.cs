using System.Text.Json.Nodes;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.App.Tests.Config;

public sealed class ConfigReaderTests
{
    private static JsonObject Demo() => JsonNode.Parse(DemoApp.DemoConfigJson())!.AsObject();

    private static BackupConfigurationException Fails(JsonObject config)
    {
        var act = () => ConfigReader.Read(config.ToJsonString());
        return act.Should().Throw<BackupConfigurationException>().Which;
    }

    [Fact]
    public void Read_DemoConfig_GivesDemoDeployment()
    {
        var config = ConfigReader.Read(DemoApp.DemoConfigJson());

        config.PrimaryAccount.Should().Be("111111111111");
        config.PrimaryRegion.Should().Be("eu-central-1");
        config.Backup.StoreName.Should().Be("acme");
        config.Backup.DisasterRecovery.Should().Be(new DisasterRecoveryOptions { Region = "eu-west-1", Account = "222222222222" });
        config.Backup.ScheduleTimeZone.Should().Be("Europe/Istanbul");
        config.Backup.Targets.Critical.Rpo.Should().Be(TimeSpan.FromMinutes(5));
        config.Backup.Targets.Critical.Rules.Select(r => r.Name).Should().Equal("Hourly", "Daily", "Weekly");
        config.Backup.Targets.Archive.Rules.Single().Retention.Should().Be(TimeSpan.FromDays(7 * 365));
    }

    [Fact]
    public void Read_ReportsServiceLinkedRole_DefaultsToCreateAndCanBeTurnedOff()
    {
        ConfigReader.Read(DemoApp.DemoConfigJson()).Backup.Audit!.CreateReportsServiceLinkedRole.Should().BeTrue();

        var json = Demo();
        json["audit"]!["createReportsServiceLinkedRole"] = false;

        ConfigReader.Read(json.ToJsonString()).Backup.Audit!.CreateReportsServiceLinkedRole.Should().BeFalse();
    }

    [Fact]
    public void Read_RuleOverride_ChangesOnlyNamedFields()
    {
        var json = Demo();
        json["targets"]!["critical"]!["rules"] = new JsonObject { ["Hourly"] = new JsonObject { ["retention"] = "21d" } };

        var hourly = ConfigReader.Read(json.ToJsonString()).Backup.Targets.Critical.Rules[0];

        hourly.Should().Be(TierDefaults.Critical.Rules[0] with { Retention = TimeSpan.FromDays(21) });
    }

    [Fact]
    public void Read_NullRuleAndNewRule_RemovesAndAdds()
    {
        var json = Demo();
        json["targets"]!["standard"]!["rules"] = new JsonObject
        {
            ["Weekly"] = null,
            ["TwiceDaily"] = new JsonObject
            {
                ["schedule"] = "cron(0 0,12 ? * * *)",
                ["retention"] = "14d",
                ["copies"] = new JsonArray(new JsonObject { ["destination"] = "drRegion", ["retention"] = "14d" }),
            },
        };

        var rules = ConfigReader.Read(json.ToJsonString()).Backup.Targets.Standard.Rules;

        rules.Select(r => r.Name).Should().Equal("Daily", "TwiceDaily");
        rules[1].Copies.Single().Should().Be(new Tiers.CopyTarget { Destination = CopyDestination.DrRegion, Retention = TimeSpan.FromDays(14) });
    }

    [Fact]
    public void Read_ArchiveYears_SetsRetentionOfRuleAndCopy()
    {
        var json = Demo();
        json["targets"]!["archive"] = new JsonObject { ["years"] = 10 };

        var monthly = ConfigReader.Read(json.ToJsonString()).Backup.Targets.Archive.Rules.Single();

        monthly.Retention.Should().Be(TimeSpan.FromDays(3650));
        monthly.Copies.Single().Retention.Should().Be(TimeSpan.FromDays(3650));
    }

    [Fact]
    public void Read_NumbersAsDoublesFromTheCdkCli_AreAccepted()
    {
        var json = Demo();
        json["targets"]!["archive"] = JsonNode.Parse("""{"years": 5.0}""");

        ConfigReader.Read(json.ToJsonString()).Backup.Targets.Archive.Rules.Single().Retention.Should().Be(TimeSpan.FromDays(5 * 365));
    }

    [Fact]
    public void Read_ComplianceLock_ReadsAllLockKeys()
    {
        var json = Demo();
        json["vaultLock"] = new JsonObject
        {
            ["mode"] = "compliance",
            ["acknowledgeComplianceModeIsIrreversible"] = true,
            ["changeableFor"] = "7d",
            ["minRetention"] = "3d",
            ["maxRetention"] = "3650d",
        };

        ConfigReader.Read(json.ToJsonString()).Backup.VaultLock.Should().Be(new VaultLockOptions
        {
            Mode = VaultLockMode.Compliance,
            AcknowledgeComplianceModeIsIrreversible = true,
            ChangeableFor = TimeSpan.FromDays(7),
            MinRetention = TimeSpan.FromDays(3),
            MaxRetention = TimeSpan.FromDays(3650),
        });
    }

    [Fact]
    public void Read_NotJson_SaysSo()
    {
        var act = () => ConfigReader.Read("{ storeName: ");

        act.Should().Throw<BackupConfigurationException>().WithMessage("*ecommerceBackup: is not valid JSON*");
    }

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "unknown top key", """{"storName":"acme"}""", "storName: is not a known key (got 'storName', allowed storeName, primary," },
        { "unknown nested key", """{"disasterRecovery":{"regoin":"eu-west-1"}}""", "disasterRecovery.regoin: is not a known key (got 'regoin', allowed region, account, accountRegion, organizationId)" },
        { "wrong type", """{"storeName":42}""", "storeName: must be a string (got 42, allowed a JSON string)" },
        { "not object", """{"primary":"111111111111"}""", "primary: must be an object (got 'String', allowed a JSON object)" },
        { "bad duration", """{"targets":{"critical":{"rpo":"five minutes"}}}""", "targets.critical.rpo: is not a duration (got 'five minutes', allowed a whole number with a unit m, h, d, w or y" },
        { "bad lock mode", """{"vaultLock":{"mode":"strict"}}""", "vaultLock.mode: is not a vault lock mode (got 'strict', allowed 'governance' or 'compliance')" },
        { "bad bool", """{"vaultLock":{"acknowledgeComplianceModeIsIrreversible":"yes"}}""", "vaultLock.acknowledgeComplianceModeIsIrreversible: must be true or false (got 'yes', allowed true, false)" },
        { "bad emails", """{"notifications":{"emails":"a@b.c"}}""", "notifications.emails: must be a list of strings (got 'a@b.c', allowed a JSON array of strings)" },
        { "archive years", """{"targets":{"archive":{"years":0}}}""", "targets.archive.years: is out of range (got 0, allowed 1 to 100)" },
        { "years fraction", """{"targets":{"archive":{"years":7.5}}}""", "targets.archive.years: must be a whole number (got 7.5, allowed an integer)" },
        { "years not int", """{"targets":{"archive":{"years":"7"}}}""", "targets.archive.years: must be a whole number (got '7', allowed an integer)" },
        { "years on critical", """{"targets":{"critical":{"years":7}}}""", "targets.critical.years: is not a known key (got 'years', allowed rpo, rto, rules, continuous)" },
        { "unknown tier", """{"targets":{"gold":{}}}""", "targets.gold: is not a known key (got 'gold', allowed critical, standard, archive)" },
        { "new rule incomplete", """{"targets":{"critical":{"rules":{"Nightly":{}}}}}""", "targets.critical.rules.Nightly.schedule: is required (got nothing, allowed a value)" },
        { "rule not object", """{"targets":{"critical":{"rules":{"Hourly":true}}}}""", "targets.critical.rules.Hourly: must be an object, or null to remove the rule (got 'True'" },
        { "copy destination", """{"targets":{"critical":{"rules":{"Daily":{"copies":[{"destination":"moon","retention":"7d"}]}}}}}""", "targets.critical.rules.Daily.copies[0].destination: is not a copy destination (got 'moon', allowed 'drRegion' or 'drAccount')" },
        { "copies not array", """{"targets":{"critical":{"rules":{"Daily":{"copies":{}}}}}}""", "targets.critical.rules.Daily.copies: must be an array (got 'Object'" },
        { "primary region", """{"primary":{"account":"111111111111","region":"eu-centrall-1"}}""", "primary.region: is not an AWS region (got 'eu-centrall-1'" },
        { "primary account", """{"primary":{"account":"11111111111a","region":"eu-central-1"}}""", "primary.account: is not an AWS account id (got '11111111111a', allowed 12 digits)" },
        { "dr equals primary", """{"disasterRecovery":{"region":"eu-central-1","account":"111111111111"}}""", "disasterRecovery.region: is the primary region" },
        { "monitoring unknown key", """{"monitoring":{"dashbord":true}}""", "monitoring.dashbord: is not a known key (got 'dashbord'" },
        { "monitoring severity", """{"monitoring":{"severities":{"backup-jobs-failed":"page-everyone"}}}""", "monitoring.severities.backup-jobs-failed: is not a severity (got 'page-everyone', allowed 'critical' or 'warning')" },
        { "monitoring kind", """{"monitoring":{"severities":{"coffeeEmpty":"critical"}}}""", "monitoring.severities.coffeeEmpty: is not an alarm or rule kind (got 'coffeeEmpty'" },
        { "monitoring skip tier", """{"monitoring":{"skipTiers":["gold"]}}""", "monitoring.skipTiers: is not a tier (got 'gold', allowed critical, standard, archive)" },
        { "monitoring duration", """{"monitoring":{"missingBackupsAfter":{"critical":"soon"}}}""", "monitoring.missingBackupsAfter.critical: is not a duration (got 'soon'" },
        { "monitoring dashboard", """{"monitoring":{"dashboard":"yes"}}""", "monitoring.dashboard: must be true or false (got 'yes'" },
        { "monitoring emails", """{"monitoring":{"warningEmails":["not-an-address"]}}""", "monitoring.warningEmails" },
        { "changeableFor in governance", """{"vaultLock":{"mode":"governance","changeableFor":"7d"}}""", "vaultLock.changeableFor: does nothing in governance mode: only a compliance-mode lock has a grace time (got 7d, allowed no value with vaultLock.mode 'governance', or vaultLock.mode 'compliance')" },
        { "validation window zero", """{"drills":{"validationWindow":"0h"}}""", "drills.validationWindow: is out of range: restored copies must stay long enough for the validator to check them (got 0m, allowed whole hours from 1h to 168h)" },
        { "drills off with settings", """{"drills":{"enabled":false}}""", "drills.schedule: does nothing while drills.enabled is false (got 'cron(0 18 ? * FRI *)', allowed no value, or drills.enabled: true)" },
        { "protection off with settings", """{"protection":{"enabled":false}}""", "protection.mode: does nothing while protection.enabled is false (got 'enforce', allowed no value, or protection.enabled: true)" },
        { "demo store off with sizes", """{"demoStore":{"enabled":false}}""", "demoStore.ordersGiB: does nothing while demoStore.enabled is false (got 50, allowed no value, or demoStore.enabled: true)" },
        { "sql settings without databases", """{"drills":{"resourceTypes":["S3","EBS"]}}""", "drills.sqlPreset: does nothing: it applies to RDS and Aurora drills and drills.resourceTypes has none (got 'woocommerce', allowed no value, or add 'RDS' or 'Aurora' to drills.resourceTypes)" },
        { "freshness attribute without dynamodb", """{"drills":{"resourceTypes":["Aurora"]}}""", "drills.freshnessAttribute: does nothing: it applies to DynamoDB drills and drills.resourceTypes has none (got 'createdAt', allowed no value, or add 'DynamoDB' to drills.resourceTypes)" },
        { "dr account region without account", """{"disasterRecovery":{"account":null,"accountRegion":"eu-west-1"},"targets":{"critical":{"rules":{"Hourly":{"copies":[]},"Daily":{"copies":[{"destination":"drRegion","retention":"7d"}]}}},"archive":{"rules":{"Monthly":{"copies":[{"destination":"drRegion","retention":"7y"}]}}}}}""", "disasterRecovery.accountRegion: does nothing without disasterRecovery.account: it places the DR account's vault (got 'eu-west-1', allowed no value, or disasterRecovery.account as well)" },
        { "props rule reaches config", """{"targets":{"critical":{"rules":{"Hourly":{"schedule":"cron(*/5 * ? * * *)"}}}}}""", "targets.critical.rules.Hourly.schedule: schedule runs more than once an hour" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_BadValue_NamesKeyValueAndAllowed(string name, string patch, string expected)
    {
        var json = Demo();
        Merge(json, JsonNode.Parse(patch)!.AsObject());

        Fails(json).Problems.Should().Contain(p => p.StartsWith(expected, StringComparison.Ordinal),
            because: $"case '{name}'");
    }

    [Fact]
    public void Read_ManyProblems_AllReportedAtOnce()
    {
        var json = Demo();
        Merge(json, JsonNode.Parse("""{"storeName":"ACME","extra":1,"targets":{"critical":{"rto":"soon"}},"vaultLock":{"mode":"compliance"}}""")!.AsObject());

        var problems = Fails(json).Problems;

        problems.Should().HaveCount(4);
        problems.Should().Contain(p => p.StartsWith("extra:", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("targets.critical.rto:", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("storeName:", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("vaultLock.acknowledgeComplianceModeIsIrreversible:", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MissingRequired_ReportsEach()
    {
        var problems = Fails(new JsonObject()).Problems;

        problems.Should().Contain("storeName: is required (got nothing, allowed a value)")
            .And.Contain("primary: is required (got nothing, allowed a value)");
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
            {
                Merge(targetObject, patchObject);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
