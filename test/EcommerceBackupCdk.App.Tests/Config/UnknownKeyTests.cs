using System.Text.Json.Nodes;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Tests.Support;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.App.Tests.Config;

/// <summary>
/// A key no section reader asks for is unknown, at every nesting level, and the message lists the keys the reader
/// does ask for, in order. There is no separate allowed list: these tests pin what the readers read.
/// </summary>
public sealed class UnknownKeyTests
{
    private static JsonObject Demo() => JsonNode.Parse(DemoApp.DemoConfigJson())!.AsObject();

    private static IReadOnlyList<string> Problems(JsonObject json)
    {
        var act = () => ConfigReader.Read(json.ToJsonString());
        return act.Should().Throw<BackupConfigurationException>().Which.Problems;
    }

    /// <summary>Where to put an unknown key <c>zz</c> (a path of objects created as needed), and the keys the message must list.</summary>
    public static TheoryData<string, string> Levels() => new()
    {
        { "", "storeName, primary, disasterRecovery, notifications, scheduleTimeZone, vaultLock, targets, monitoring, drills, protection, demoStore, audit, controlTower, recovery, airGappedVault, malwareScanning, itemSearch, tamperAlerts" },
        { "primary", "account, region" },
        { "disasterRecovery", "region, account, accountRegion, organizationId" },
        { "notifications", "emails, vaultEvents" },
        { "vaultLock", "mode, acknowledgeComplianceModeIsIrreversible, changeableFor, minRetention, maxRetention" },
        { "targets", "critical, standard, archive" },
        { "targets.critical", "rpo, rto, rules, continuous" },
        { "targets.archive", "rpo, rto, rules, continuous, years" },
        { "targets.critical.continuous", "retention, schedule" },
        { "targets.critical.rules.Hourly", "schedule, retention, moveToColdStorageAfter, startWindow, completionWindow, copies" },
        { "monitoring", "warningEmails, severities, missingBackupsAfter, slowJobsAfter, slowCopyAfter, skipTiers, dashboard" },
        { "monitoring.missingBackupsAfter", "critical, standard, archive" },
        { "monitoring.slowJobsAfter", "critical, standard, archive" },
        { "drills", "enabled, schedule, timeZone, startWindow, selectionWindowDays, validationWindow, tiers, resourceTypes, rdsInstanceClass, dbSubnetGroupName, dbSecurityGroupIds, freshnessAttribute, maxDataFreshness, sqlPreset, sqlCustomQuery, sqlTablePrefix, sqlDatabase, databaseSecretArn, minimumRecordCount, reportRetention, network, resources, reservedConcurrency" },
        { "protection", "enabled, mode, noncurrentVersionTransitionAfter, pointInTimeRecovery, wholeApp" },
        { "demoStore", "enabled, ordersGiB, cartsGiB, mediaGiB" },
        { "audit", "evidenceRetention, accessLogRetention, breakGlassPrincipals, createConfigRecorder, createReportsServiceLinkedRole" },
        { "controlTower", "strict" },
        { "recovery", "enabled, tier, schedule, timeZone, pollInterval, restoreTimeout, auroraInstanceClass, s3RestoreRoleArn" },
        { "airGappedVault", "enabled, mpaApprovalTeamArn, shareWithAccounts, encryptionKeyArn" },
        { "malwareScanning", "enabled, tiers, scanMode" },
        { "itemSearch", "enabled, tiers" },
        { "tamperAlerts", "enabled, includeDeniedAttempts" },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void Read_UnknownKeyInObject_NamesItAndListsTheKnownKeys(string path, string known)
    {
        var json = Demo();
        var parent = json;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (parent[part] is not JsonObject child)
            {
                child = [];
                parent[part] = child;
            }

            parent = child;
        }

        parent["zz"] = 1;
        var key = path.Length == 0 ? "zz" : $"{path}.zz";

        Problems(json).Should().Contain($"{key}: is not a known key (got 'zz', allowed {known})");
    }

    [Fact]
    public void Read_UnknownKeyInListItems_NamesTheItem()
    {
        var json = Demo();
        json["targets"]!["critical"]!["rules"] = JsonNode.Parse("""{ "Daily": { "copies": [{ "destination": "drRegion", "retention": "35d", "zz": 1 }] } }""");
        json["drills"]!["resources"] = JsonNode.Parse("""[{ "sourceArn": "arn:aws:s3:::images" }, { "sourceArn": "arn:aws:s3:::media", "zz": 1 }]""");
        json["drills"]!["network"] = JsonNode.Parse("""{ "vpcId": "vpc-0123456789abcdef0", "subnetIds": ["subnet-0123456789abcdef0"], "zz": 1 }""");

        Problems(json).Should().BeEquivalentTo(
            "targets.critical.rules.Daily.copies[0].zz: is not a known key (got 'zz', allowed destination, retention, moveToColdStorageAfter)",
            "drills.resources[1].zz: is not a known key (got 'zz', allowed sourceArn, tier, freshnessAttribute, sqlPreset, sqlCustomQuery, sqlTablePrefix, sqlDatabase, secretArn, minimumRecordCount)",
            "drills.network.zz: is not a known key (got 'zz', allowed vpcId, subnetIds, securityGroupIds)");
    }

    [Fact]
    public void Read_KeysChosenByTheUser_AreNotUnknown()
    {
        // Rule names and alarm kinds are names the user picks; each is checked for what it is, not as a key.
        var json = Demo();
        json["targets"]!["standard"]!["rules"] = JsonNode.Parse("""{ "TwiceDaily": { "schedule": "cron(0 0,12 ? * * *)", "retention": "14d" } }""");
        json["monitoring"]!["severities"] = JsonNode.Parse("""{ "backup-jobs-failed": "warning" }""");

        var config = ConfigReader.Read(json.ToJsonString());

        config.Backup.Targets.Standard.Rules.Select(r => r.Name).Should().Contain("TwiceDaily");
        config.Backup.Monitoring.Severities.Should().ContainKey("backup-jobs-failed");
    }

    [Fact]
    public void Read_UnknownKeyInASectionThatIsOff_IsStillUnknown()
    {
        // A section switched off is still read whole, so its keys are known and a typo in it is reported.
        var json = Demo();
        json["recovery"] = JsonNode.Parse("""{ "enabled": false, "tiers": "critical" }""");

        Problems(json).Should().Contain(p => p.StartsWith("recovery.tiers: is not a known key (got 'tiers', allowed enabled, tier, schedule,", StringComparison.Ordinal));
    }
}
