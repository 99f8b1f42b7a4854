using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CloudWatch;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Tests.Monitoring;

public sealed class BackupMonitoringTests
{
    private const string Vault = "GetAtt:Vault";

    /// <summary>name | metric | statistic | period s | evaluation periods | datapoints | comparison | threshold | missing data | vault | topic.</summary>
    private static readonly string[] DemoAlarms =
    [
        $"acme-backup-jobs-failed-critical|NumberOfBackupJobsFailed|Sum|3600|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|{Vault}|alerts",
        $"acme-backup-jobs-expired-critical|NumberOfBackupJobsExpired|Sum|3600|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|{Vault}|alerts",
        $"acme-backup-jobs-aborted-warning|NumberOfBackupJobsAborted|Sum|3600|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|{Vault}|warnings",
        $"acme-copy-jobs-failed-to-dr-region-warning|NumberOfCopyJobsFailed|Sum|3600|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|FILL(source, 0) + FILL(destination, 0): {Vault}+acme-dr-region|warnings",
        $"acme-copy-jobs-failed-to-dr-account-warning|NumberOfCopyJobsFailed|Sum|3600|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|FILL(source, 0) + FILL(destination, 0): {Vault}+acme-dr-account|warnings",
        $"acme-restore-jobs-failed-warning|NumberOfRestoreJobsFailed|Sum|3600|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|{Vault}|warnings",
        $"acme-missing-backups-critical-tier-critical|NumberOfBackupJobsCompleted|Sum|3600|4|4|LessThanThreshold|1|breaching|{Vault}|alerts",
        $"acme-slow-backup-jobs-critical-tier-warning|NumberOfBackupJobsRunning|Maximum|900|4|4|GreaterThanOrEqualToThreshold|1|notBreaching|{Vault}|warnings",
        $"acme-missing-backups-standard-tier-critical|NumberOfBackupJobsCompleted|Sum|3600|33|33|LessThanThreshold|1|breaching|{Vault}|alerts",
        $"acme-slow-backup-jobs-standard-tier-warning|NumberOfBackupJobsRunning|Maximum|900|32|32|GreaterThanOrEqualToThreshold|1|notBreaching|{Vault}|warnings",
        $"acme-slow-backup-jobs-archive-tier-warning|NumberOfBackupJobsRunning|Maximum|900|96|96|GreaterThanOrEqualToThreshold|1|notBreaching|{Vault}|warnings",
        $"acme-slow-copy-jobs-to-dr-region-warning|NumberOfCopyJobsRunning|Maximum|900|96|96|GreaterThanOrEqualToThreshold|1|notBreaching|MAX([FILL(source, 0), FILL(destination, 0)]): {Vault}+acme-dr-region|warnings",
        $"acme-slow-copy-jobs-to-dr-account-warning|NumberOfCopyJobsRunning|Maximum|900|96|96|GreaterThanOrEqualToThreshold|1|notBreaching|MAX([FILL(source, 0), FILL(destination, 0)]): {Vault}+acme-dr-account|warnings",
        // Issue 10 item 1: each job-event rule's lost deliveries page through CloudWatch, not through EventBridge.
        "acme-event-delivery-failed-backup-job-failed-critical|FailedInvocations|Sum|300|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|rule|alerts",
        "acme-event-delivery-failed-copy-job-failed-critical|FailedInvocations|Sum|300|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|rule|alerts",
        "acme-event-delivery-failed-restore-job-failed-critical|FailedInvocations|Sum|300|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|rule|alerts",
    ];

    [Fact]
    public void Facade_Demo_PinsNumberAndShapeOfAlarms()
    {
        var (_, backup, template) = TestStacks.Facade(WithWarnings());

        template.ResourceCountIs("AWS::CloudWatch::Alarm", 16);
        Shapes(template).Should().Equal(DemoAlarms);
        backup.Monitoring.Alarms.Should().HaveCount(16);
        backup.Monitoring.TiersWithoutMissingBackupsAlarm.Keys.Should().Equal(TierName.Archive);
        backup.Monitoring.TiersWithoutMissingBackupsAlarm[TierName.Archive].Should().Contain("longer than the 7 days");
    }

    [Fact]
    public void Facade_WithDrillsAndAudit_EveryEventBridgeRuleHasAFailedInvocationsAlarm()
    {
        // Issue 10 item 1: for every rule the backup system creates, lost deliveries raise an alarm.
        var (_, _, template) = TestStacks.Facade(TestStacks.DemoPropsWithDrills() with { Audit = new EcommerceBackupCdk.Compliance.AuditOptions() });

        var rules = Json.Of(template)["Resources"]!.AsObject().Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Events::Rule").Select(r => r.Key).ToList();
        var watched = Alarms(template)
            .Where(a => a["MetricName"]?.GetValue<string>() == "FailedInvocations" && a["Namespace"]!.GetValue<string>() == "AWS/Events")
            .Select(a => a["Dimensions"]!.AsArray().Single()!["Value"]!["Ref"]!.GetValue<string>())
            .ToList();

        rules.Should().HaveCountGreaterThan(3, "the drills add rules of their own");
        watched.Should().BeEquivalentTo(rules);
    }

    [Fact]
    public void Facade_NoWarningTopic_EveryAlarmPagesTheAlertTopic()
    {
        var (_, backup, template) = TestStacks.Facade();

        template.ResourceCountIs("AWS::SNS::Topic", 1);
        backup.WarningTopic.Should().BeNull();
        Shapes(template).Should().OnlyContain(s => s.EndsWith("|alerts", StringComparison.Ordinal));
    }

    [Fact]
    public void Facade_SeverityOverride_RenamesAndReroutesTheAlarm()
    {
        var props = WithWarnings() with
        {
            Monitoring = WithWarnings().Monitoring with
            {
                Severities = new Dictionary<string, AlarmSeverity> { [AlarmKinds.CopyJobsFailed] = AlarmSeverity.Critical },
            },
        };

        var (_, _, template) = TestStacks.Facade(props);

        Shapes(template).Should().Contain(
            $"acme-copy-jobs-failed-to-dr-region-critical|NumberOfCopyJobsFailed|Sum|3600|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|FILL(source, 0) + FILL(destination, 0): {Vault}+acme-dr-region|alerts");
    }

    [Fact]
    public void Facade_MissingBackupsAlarm_NotifiesOnRecoveryToo()
    {
        var (_, _, template) = TestStacks.Facade();

        var missing = Alarms(template).Where(a => a["AlarmName"]!.GetValue<string>().Contains("missing-backups", StringComparison.Ordinal)).ToList();

        missing.Should().HaveCount(2).And.OnlyContain(a => a["OKActions"]!.AsArray().Count == 1);
    }

    [Fact]
    public void Facade_ConfiguredWindowsAndSkippedTiers_ChangeTheTierAlarms()
    {
        var props = TestStacks.DemoProps() with
        {
            Monitoring = new MonitoringOptions
            {
                MissingBackupsAfter = new Dictionary<TierName, TimeSpan> { [TierName.Critical] = TimeSpan.FromHours(3), [TierName.Archive] = TimeSpan.FromDays(7) },
                SlowJobsAfter = new Dictionary<TierName, TimeSpan> { [TierName.Critical] = TimeSpan.FromMinutes(45) },
                SkipTiers = [TierName.Standard],
            },
        };

        var (_, backup, template) = TestStacks.Facade(props);

        var shapes = Shapes(template);
        shapes.Should().Contain(s => s.StartsWith("acme-missing-backups-critical-tier-critical|NumberOfBackupJobsCompleted|Sum|3600|3|3|", StringComparison.Ordinal));
        shapes.Should().Contain(s => s.StartsWith("acme-missing-backups-archive-tier-critical|NumberOfBackupJobsCompleted|Sum|3600|168|168|", StringComparison.Ordinal));
        shapes.Should().Contain(s => s.StartsWith("acme-slow-backup-jobs-critical-tier-warning|NumberOfBackupJobsRunning|Maximum|900|3|3|", StringComparison.Ordinal));
        shapes.Should().NotContain(s => s.Contains("standard-tier", StringComparison.Ordinal));
        backup.Monitoring.TiersWithoutMissingBackupsAlarm.Should().BeEmpty();
    }

    [Fact]
    public void Facade_Dashboard_ShowsJobsCopiesRestoresAlarmsAndTakesDrillWidgets()
    {
        var stack = TestStacks.NewStack();
        var backup = new EcommerceBackup(stack, "Backup", TestStacks.DemoProps());

        backup.Monitoring.AddDrillWidgets(new SingleValueWidget(new SingleValueWidgetProps
        {
            Title = "Drill RTO",
            Metrics = [new Metric(new MetricProps { Namespace = "EcommerceBackup/Drills", MetricName = "RestoreSeconds" })],
        }));

        var body = Json.Of(Template.FromStack(stack))["Resources"]!.AsObject()
            .Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::CloudWatch::Dashboard").Value!["Properties"]!;
        body["DashboardName"]!.GetValue<string>().Should().Be("acme-backup");
        var text = body["DashboardBody"]!.ToJsonString();
        text.Should().Contain("Backup jobs by state").And.Contain("Copy jobs by destination vault").And.Contain("Restore jobs")
            .And.Contain("Backup alarms").And.Contain("Restore drills").And.Contain("Drill RTO").And.Contain("RestoreSeconds")
            .And.Contain("NumberOfCopyJobsFailed").And.Contain("acme-dr-account");
    }

    [Fact]
    public void Facade_DashboardOff_NoDashboardAndDrillWidgetsAreIgnored()
    {
        var stack = TestStacks.NewStack();
        var backup = new EcommerceBackup(stack, "Backup", TestStacks.DemoProps() with { Monitoring = new MonitoringOptions { Dashboard = false } });

        backup.Monitoring.AddDrillWidgets(new TextWidget(new TextWidgetProps { Markdown = "x" }));

        backup.Monitoring.Dashboard.Should().BeNull();
        Template.FromStack(stack).ResourceCountIs("AWS::CloudWatch::Dashboard", 0);
    }

    [Fact]
    public void RecoveryVaultStack_WatchesCopyBacksAndRestoresOnItsOwnTopic()
    {
        var app = new App();
        var stack = new RecoveryVaultStack(app, "Dr", new RecoveryVaultStackProps
        {
            Env = new Amazon.CDK.Environment { Account = TestStacks.PrimaryAccount, Region = TestStacks.DrRegion },
            Backup = TestStacks.DemoProps(),
            Role = VaultRole.DrRegion,
            SourceAccount = TestStacks.PrimaryAccount,
        });

        var template = Template.FromStack(stack);

        Shapes(template).Should().Equal(
            $"acme-dr-region-copy-jobs-failed-to-primary-warning|NumberOfCopyJobsFailed|Sum|3600|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|FILL(source, 0) + FILL(destination, 0): {Vault}+acme-primary|dr-region-alerts",
            $"acme-dr-region-restore-jobs-failed-warning|NumberOfRestoreJobsFailed|Sum|3600|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|{Vault}|dr-region-alerts",
            $"acme-dr-region-slow-copy-jobs-to-primary-warning|NumberOfCopyJobsRunning|Maximum|900|96|96|GreaterThanOrEqualToThreshold|1|notBreaching|MAX([FILL(source, 0), FILL(destination, 0)]): {Vault}+acme-primary|dr-region-alerts",
            "acme-dr-region-event-delivery-failed-copy-job-failed-critical|FailedInvocations|Sum|300|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|rule|dr-region-alerts",
            "acme-dr-region-event-delivery-failed-restore-job-failed-critical|FailedInvocations|Sum|300|1|1|GreaterThanOrEqualToThreshold|1|notBreaching|rule|dr-region-alerts");
        Json.ResourcesOfType(template, "AWS::Events::Rule").Select(r => r["Properties"]!["Name"]!.GetValue<string>())
            .Should().BeEquivalentTo("acme-dr-region-copy-job-failed-warning", "acme-dr-region-restore-job-failed-warning");
        template.ResourceCountIs("AWS::CloudWatch::Dashboard", 0);
    }

    [Fact]
    public void Facade_InvalidMonitoringOptions_ReportsEveryProblem()
    {
        var props = TestStacks.DemoProps() with
        {
            Monitoring = new MonitoringOptions
            {
                WarningEmails = ["not-an-email"],
                Severities = new Dictionary<string, AlarmSeverity> { ["backup-jobs-exploded"] = AlarmSeverity.Critical },
                MissingBackupsAfter = new Dictionary<TierName, TimeSpan> { [TierName.Archive] = TimeSpan.FromDays(32) },
                SlowJobsAfter = new Dictionary<TierName, TimeSpan> { [TierName.Critical] = TimeSpan.FromMinutes(20) },
                SlowCopyAfter = TimeSpan.FromHours(30) + TimeSpan.FromMinutes(30),
            },
        };

        var act = () => TestStacks.Facade(props);

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().BeEquivalentTo(
            "monitoring.warningEmails[0]: is not an email address (got 'not-an-email', allowed an address like 'oncall@example.com')",
            "monitoring.severities.backup-jobs-exploded: is not an alarm or rule kind (got 'backup-jobs-exploded', allowed " + string.Join(", ", AlarmKinds.All) + ")",
            "monitoring.missingBackupsAfter.archive: does not fit a CloudWatch alarm of 1-hour periods (got 32d, allowed whole hours from 1h to 7d (CloudWatch evaluates at most 7 days))",
            "monitoring.slowJobsAfter.critical: does not fit a CloudWatch alarm (got 20m, allowed a multiple of 15m up to 1d, or whole hours up to 7d (sub-hour periods may cover at most 1 day, any alarm at most 7 days))",
            "monitoring.slowCopyAfter: does not fit a CloudWatch alarm (got 1830m, allowed a multiple of 15m up to 1d, or whole hours up to 7d (sub-hour periods may cover at most 1 day, any alarm at most 7 days))");
    }

    [Fact]
    public void Facade_WindowForASkippedTier_IsRefusedAsDoingNothing()
    {
        var props = TestStacks.DemoProps() with
        {
            Monitoring = new MonitoringOptions
            {
                SkipTiers = [TierName.Archive, TierName.Archive],
                MissingBackupsAfter = new Dictionary<TierName, TimeSpan> { [TierName.Archive] = TimeSpan.FromDays(2) },
                SlowJobsAfter = new Dictionary<TierName, TimeSpan> { [TierName.Archive] = TimeSpan.FromHours(6) },
            },
        };

        var act = () => TestStacks.Facade(props);

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().BeEquivalentTo(
            "monitoring.skipTiers: names a tier twice (got ['archive', 'archive'], allowed each tier at most once)",
            "monitoring.missingBackupsAfter.archive: does nothing: the tier is in monitoring.skipTiers, so it has no tier alarms (got 2d, allowed no value for archive, or remove it from monitoring.skipTiers)",
            "monitoring.slowJobsAfter.archive: does nothing: the tier is in monitoring.skipTiers, so it has no tier alarms (got 6h, allowed no value for archive, or remove it from monitoring.skipTiers)");
    }

    [Fact]
    public void BackupMonitoring_LabelTooLongForRuleNames_Throws()
    {
        var stack = TestStacks.NewStack();

        var act = () => new BackupMonitoring(stack, "Monitoring", new BackupMonitoringProps
        {
            StoreName = "a-very-long-store-na",
            Vault = Amazon.CDK.AWS.Backup.BackupVault.FromBackupVaultName(stack, "Vault", "v"),
            AlertTopic = new Amazon.CDK.AWS.SNS.Topic(stack, "Topic"),
            Label = "recovery-vault-label",
        });

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().ContainSingle()
            .Which.Should().StartWith("label: makes rule names longer than EventBridge allows (got 'a-very-long-store-na-recovery-vault-label-restore-job-failed-critical'");
    }

    [Fact]
    public void BackupMonitoring_InvalidLabel_Throws()
    {
        var stack = TestStacks.NewStack();

        var act = () => new BackupMonitoring(stack, "Monitoring", new BackupMonitoringProps
        {
            StoreName = "acme",
            Vault = Amazon.CDK.AWS.Backup.BackupVault.FromBackupVaultName(stack, "Vault", "v"),
            AlertTopic = new Amazon.CDK.AWS.SNS.Topic(stack, "Topic"),
            Label = "DR Region",
        });

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().Equal(
            "label: is not a valid name label (got 'DR Region', allowed 1-20 lower-case letters, digits or '-', starting with a letter)");
    }

    private static EcommerceBackupProps WithWarnings() => TestStacks.DemoProps() with
    {
        Monitoring = new MonitoringOptions { WarningEmails = ["backup-team@acme.example"] },
    };

    private static IEnumerable<JsonObject> Alarms(Template template) =>
        Json.ResourcesOfType(template, "AWS::CloudWatch::Alarm").Select(a => a["Properties"]!.AsObject());

    private static List<string> Shapes(Template template)
    {
        var topics = Json.Of(template)["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::SNS::Topic")
            .ToDictionary(r => r.Key, r => r.Value!["Properties"]!["TopicName"]!.GetValue<string>().Split("-backup-")[1]);
        return Alarms(template).Select(p =>
        {
            var topic = topics[p["AlarmActions"]!.AsArray().Single()!["Ref"]!.GetValue<string>()];
            if (p["Metrics"] is JsonArray metrics)
            {
                // A math alarm (copy jobs under either vault): expression, then each input's metric, stat, period and vault.
                var expression = metrics.Single(m => m!["Expression"] is not null)!;
                var inputs = metrics.Where(m => m!["MetricStat"] is not null).Select(m => m!["MetricStat"]!).ToList();
                var stats = inputs.Select(i => (Name: i["Metric"]!["MetricName"]!.GetValue<string>(), Stat: i["Stat"]!.GetValue<string>(), Period: i["Period"]!.ToJsonString())).Distinct().Single();
                var vaults = inputs.Select(i => i["Metric"]!["Dimensions"]!.AsArray().Single()!["Value"] is JsonValue mv ? mv.GetValue<string>() : "GetAtt:Vault");
                expression["ReturnData"]?.GetValue<bool>().Should().NotBe(false);
                return string.Join('|', p["AlarmName"], stats.Name, stats.Stat, stats.Period, p["EvaluationPeriods"], p["DatapointsToAlarm"],
                    p["ComparisonOperator"], p["Threshold"], p["TreatMissingData"], $"{expression["Expression"]}: {string.Join('+', vaults)}", topic);
            }

            var dimension = p["Dimensions"]!.AsArray().Single()!;
            var isRule = dimension["Name"]!.GetValue<string>() == "RuleName";
            dimension["Name"]!.GetValue<string>().Should().Be(isRule ? "RuleName" : "BackupVaultName");
            p["Namespace"]!.GetValue<string>().Should().Be(isRule ? "AWS/Events" : "AWS/Backup");
            if (isRule)
            {
                dimension["Value"]!["Ref"]!.GetValue<string>().Should().Contain("JobEvents");
            }

            var vault = isRule ? "rule" : dimension["Value"] is JsonValue v ? v.GetValue<string>() : "GetAtt:Vault";
            return string.Join('|', p["AlarmName"], p["MetricName"], p["Statistic"], p["Period"], p["EvaluationPeriods"], p["DatapointsToAlarm"],
                p["ComparisonOperator"], p["Threshold"], p["TreatMissingData"], vault, topic);
        }).ToList();
    }
}
