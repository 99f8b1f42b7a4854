using System.Globalization;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Tests.Support;
using EcommerceBackupCdk.App.Stacks;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.App.Tests.Compliance;

/// <summary>
/// The demo synth (cdk.json) holds the audit framework, and its parameters match the demo targets. The expected
/// values are computed here from the config with plain arithmetic, not with the library's derivation.
/// </summary>
public sealed class DemoAuditFrameworkTests
{
    static DemoAuditFrameworkTests()
    {
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "18,20");
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
    }

    [Fact]
    public void DemoConfig_FrameworkParameters_MatchTheDemoTargets()
    {
        var (config, template) = Synth();
        var targets = config.Backup.Targets;

        foreach (var (tier, t) in targets.Each())
        {
            var controls = Controls(template, $"acme_backup_{tier.TagValue()}");

            // Restore time: the RTO in minutes.
            controls["RESTORE_TIME_FOR_RESOURCES_MEET_TARGET"]["maxRestoreTime"].Should().Be(Num(Math.Ceiling(t.Rto.TotalMinutes)));

            // Recovery point minimum retention: the shortest retention the tier keeps in the primary vault.
            var primaryRetentions = t.Rules.Select(r => r.Retention).Append(t.Continuous?.Retention ?? TimeSpan.MaxValue);
            controls["BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK"]["requiredRetentionDays"].Should().Be(Num(primaryRetentions.Min().TotalDays));

            // Plan frequency: the most frequent rule (hourly < daily < weekly < monthly), with its own retention.
            var mostFrequent = t.Rules.OrderBy(r => Gap(r.Schedule)).First();
            var plan = controls["BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK"];
            plan["requiredRetentionDays"].Should().Be(Num(mostFrequent.Retention.TotalDays));
            var gap = Gap(mostFrequent.Schedule);
            (gap <= TimeSpan.FromHours(24)
                ? (plan["requiredFrequencyUnit"], plan["requiredFrequencyValue"]) == ("hours", Num(gap.TotalHours))
                : (plan["requiredFrequencyUnit"], plan["requiredFrequencyValue"]) == ("days", Num(gap.TotalDays))).Should().BeTrue(string.Join(",", plan));

            // Last recovery point: the RPO or, when longer, the longest healthy gap (schedule gap + start window +
            // completion window of the best rule), in whole hours up to 744, else whole days up to 31; beyond, left out.
            var healthyGap = t.Rules.Select(r => Gap(r.Schedule) + r.StartWindow + r.CompletionWindow).Min();
            var maxAge = healthyGap > t.Rpo ? healthyGap : t.Rpo;
            if (maxAge > TimeSpan.FromDays(31))
            {
                controls.ContainsKey("BACKUP_LAST_RECOVERY_POINT_CREATED").Should().BeFalse($"{tier.TagValue()}: {maxAge} cannot be expressed");
            }
            else if (maxAge <= TimeSpan.FromDays(1) || maxAge.Ticks % TimeSpan.TicksPerDay != 0)
            {
                controls["BACKUP_LAST_RECOVERY_POINT_CREATED"].Should().Equal(new Dictionary<string, string> { ["recoveryPointAgeUnit"] = "hours", ["recoveryPointAgeValue"] = Num(Math.Max(1, Math.Ceiling(maxAge.TotalHours))) });
            }
            else
            {
                controls["BACKUP_LAST_RECOVERY_POINT_CREATED"].Should().Equal(new Dictionary<string, string> { ["recoveryPointAgeUnit"] = "days", ["recoveryPointAgeValue"] = Num(maxAge.TotalDays) });
            }

            // Copies: the DR destinations of the config, only where the tier copies.
            var destinations = t.Rules.SelectMany(r => r.Copies).Select(c => c.Destination).ToHashSet();
            controls.ContainsKey("BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION").Should().Be(destinations.Contains(CopyDestination.DrRegion));
            controls.ContainsKey("BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT").Should().Be(destinations.Contains(CopyDestination.DrAccount));
            if (destinations.Contains(CopyDestination.DrRegion))
            {
                controls["BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION"]["crossRegionList"].Should().Be(config.Backup.DisasterRecovery!.Region);
            }

            if (destinations.Contains(CopyDestination.DrAccount))
            {
                controls["BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT"]["crossAccountList"].Should().Be(config.Backup.DisasterRecovery!.Account);
            }

            // Vault lock: min is 7 days (no rule writes less), max is the longest retention written into the primary vault (archive years).
            controls["BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK"].Should().Equal(new Dictionary<string, string>
            {
                ["minRetentionDays"] = "7",
                ["maxRetentionDays"] = Num(targets.Each().SelectMany(x => x.Targets.Rules).Max(r => r.Retention).TotalDays),
            });
        }

        Controls(template, "acme_backup_vaults")["BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED"]["principalArnList"]
            .Should().Be(string.Join(",", config.Backup.Audit!.BreakGlassPrincipals));
    }

    [Fact]
    public void DemoConfig_HoldsReportPlansLockedEvidenceBucketTrailAndRecorder()
    {
        var (config, template) = Synth();

        template.ResourceCountIs("AWS::Backup::ReportPlan", 5);
        template.ResourceCountIs("AWS::CloudTrail::Trail", 1);
        template.ResourceCountIs("AWS::Config::ConfigurationRecorder", config.Backup.Audit!.CreateConfigRecorder ? 1 : 0);
        template.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["ObjectLockConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Rule"] = new Dictionary<string, object>
                {
                    ["DefaultRetention"] = new Dictionary<string, object> { ["Mode"] = "COMPLIANCE", ["Days"] = (int)config.Backup.Audit.EvidenceRetention.TotalDays },
                },
            }),
        });
        config.Backup.Audit.EvidenceRetention.Should().Be(TimeSpan.FromDays(7 * 365));
    }

    [Fact]
    public void Config_BadAuditKeys_AreReportedWithTheirPaths()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(DemoApp.DemoConfigJson())!;
        root["audit"] = System.Text.Json.Nodes.JsonNode.Parse("""{"evidenceRetention":"7x","createConfigRecorder":"yes","color":"red"}""");

        var act = () => ConfigReader.Read(root.ToJsonString());

        act.Should().Throw<Validation.BackupConfigurationException>().Which.Problems.Should().BeEquivalentTo(
        [
            "audit.color: is not a known key (got 'color', allowed evidenceRetention, accessLogRetention, breakGlassPrincipals, createConfigRecorder, createReportsServiceLinkedRole)",
            "audit.evidenceRetention: is not a duration (got '7x', allowed a whole number with a unit m, h, d, w or y (365 d), e.g. '5m', '4h', '35d', '7y')",
            "audit.createConfigRecorder: must be true or false (got 'yes', allowed true, false)",
        ]);
    }

    // The demo app DemoApp synthesized once from cdk.json.
    private static (AppConfig Config, Template Template) Synth() => (DemoApp.Config, DemoApp.Templates["acme-backup-primary"]);

    private static Dictionary<string, Dictionary<string, string>> Controls(Template template, string framework)
    {
        var resources = (System.Collections.IDictionary)template.FindResources("AWS::Backup::Framework");
        foreach (System.Collections.IDictionary resource in resources.Values)
        {
            var props = (System.Collections.IDictionary)resource["Properties"]!;
            if ((string)props["FrameworkName"]! != framework)
            {
                continue;
            }

            return ((System.Collections.IEnumerable)props["FrameworkControls"]!).Cast<System.Collections.IDictionary>().ToDictionary(
                c => (string)c["ControlName"]!,
                c => c.Contains("ControlInputParameters")
                    ? ((System.Collections.IEnumerable)c["ControlInputParameters"]!).Cast<System.Collections.IDictionary>()
                        .ToDictionary(p => (string)p["ParameterName"]!, p => (string)p["ParameterValue"]!)
                    : []);
        }

        throw new InvalidOperationException($"no framework {framework}");
    }

    // The demo schedules: '*' hours = hourly, a fixed hour = daily, a weekday = weekly, a day of month = monthly (31 d).
    private static TimeSpan Gap(string cron)
    {
        var f = cron["cron(".Length..^1].Split(' ');
        return f[2] is not "*" and not "?" ? TimeSpan.FromDays(31)
            : f[4] is not "*" and not "?" ? TimeSpan.FromDays(7)
            : f[1] == "*" ? TimeSpan.FromHours(1)
            : TimeSpan.FromDays(1);
    }

    private static string Num(double value) => ((long)value).ToString(CultureInfo.InvariantCulture);
}
