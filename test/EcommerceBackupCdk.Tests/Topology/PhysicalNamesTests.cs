using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Tests.Topology;

public sealed class PhysicalNamesTests
{
    // The names deployments carry: a named resource is replaced when its name changes
    // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudwatch-alarm.html#cfn-cloudwatch-alarm-alarmname:
    // "If you specify a name, you cannot perform updates that require replacement of this resource."), so each is pinned.
    [Fact]
    public void Names_OfAStore_AreTheDeployedNames()
    {
        var n = new PhysicalNames("acme-shop");

        n.Vault(VaultRole.Primary).Should().Be("acme-shop-primary");
        n.Vault(VaultRole.DrRegion).Should().Be("acme-shop-dr-region");
        n.Vault(VaultRole.DrAccount).Should().Be("acme-shop-dr-account");
        n.Vault(VaultRole.AirGapped).Should().Be("acme-shop-air-gapped");
        n.VaultKeyAlias(VaultRole.Primary).Should().Be("acme-shop-primary-vault");
        n.AirGappedVaultShare.Should().Be("acme-shop-air-gapped-recovery");
        n.Plan(TierName.Critical).Should().Be("acme-shop-critical");
        n.Plan(TierName.Critical, ResourceFamily.DynamoDb).Should().Be("acme-shop-critical-dynamodb");
        n.Selection(TierName.Standard).Should().Be("acme-shop-standard-by-tag");
        n.OperatorRole.Should().Be("acme-shop-backup-operator");
        n.AlertTopic.Should().Be("acme-shop-backup-alerts");
        n.Topic("warnings").Should().Be("acme-shop-backup-warnings");
        n.Dashboard.Should().Be("acme-shop-backup");
        n.RestoreTestingPlan.Should().Be("acme_shop_restore_drills");
        n.RestoreTestingSelection(TierName.Critical, DrillResourceType.DynamoDb).Should().Be("acme_shop_critical_dynamodb");
        n.DrillKeyAlias.Should().Be("acme-shop-restore-drills");
        n.ValidatorFunction.Should().Be("acme-shop-restore-drill-validator");
        n.DrillDeadLetterQueue.Should().Be("acme-shop-restore-drill-dead-letters");
        n.DrillFlow.Should().Be("acme-shop-restore-drill-flow");
        n.RecoveryStateMachine.Should().Be("acme-shop-store-recovery");
        n.RecoveryFunction.Should().Be("acme-shop-store-recovery-steps");
        n.RecoverySchedule.Should().Be("acme-shop-store-recovery-drill");
        n.EvidenceKeyAlias.Should().Be("acme-shop-backup-evidence");
        n.AuditTrail.Should().Be("acme-shop-backup-audit");
        n.EvidenceIndexFunction.Should().Be("acme-shop-backup-evidence-index");
        n.AuditFramework(TierName.Archive).Should().Be("acme_shop_backup_archive");
        n.VaultAuditFramework.Should().Be("acme_shop_backup_vaults");
        n.ReportPlan("control_compliance").Should().Be("acme_shop_backup_control_compliance");
        n.PrimaryStack.Should().Be("acme-shop-backup-primary");
        n.RecoveryVaultStack(VaultRole.DrAccount).Should().Be("acme-shop-backup-dr-account");
        n.DemoStoreStack.Should().Be("acme-shop-demo-store");
        n.DrillSubnetGroup.Should().Be("acme-shop-drill-restores");
        PhysicalNames.FunctionLogGroup(n.ValidatorFunction).Should().Be("/aws/lambda/acme-shop-restore-drill-validator");
        PhysicalNames.StateMachineLogGroup(n.DrillFlow).Should().Be("/aws/vendedlogs/states/acme-shop-restore-drill-flow");
    }

    [Fact]
    public void Alarm_BothSchemes_KeepTheirDeployedNames()
    {
        var n = new PhysicalNames("acme");

        n.Alarm(PhysicalNames.What(AlarmKinds.MissingBackups, qualifier: "critical-tier"), AlarmSeverity.Critical).Should().Be("acme-missing-backups-critical-tier-critical");
        n.Alarm(PhysicalNames.What(AlarmKinds.RestoreJobsFailed, label: "dr-region"), AlarmSeverity.Warning).Should().Be("acme-dr-region-restore-jobs-failed-warning");
        n.Alarm(AlarmKinds.StoreRecoveryRtoBreached, AlarmSeverity.Critical).Should().Be("acme-store-recovery-rto-breached-critical");
        n.DrillAlarm(AlarmKinds.DrillFailed, DrillResourceType.DynamoDb).Should().Be("acme-drill-dynamodb-failed");
        n.DrillAlarm(AlarmKinds.DrillRtoBreached, DrillResourceType.Aurora).Should().Be("acme-drill-aurora-rto-breached");
        n.DrillAlarm(AlarmKinds.DrillRecoveryPointTooOld, DrillResourceType.S3).Should().Be("acme-drill-s3-recovery-point-too-old");
        n.DrillAlarm(AlarmKinds.DrillNoReport).Should().Be("acme-drill-no-report");
        n.DrillAlarm(AlarmKinds.DrillDeadLetters).Should().Be("acme-drill-validator-dead-letters");
    }

    [Fact]
    public void DrillAlarm_KindOfAnotherScheme_IsRefused()
    {
        var act = () => new PhysicalNames("acme").DrillAlarm(AlarmKinds.BackupJobsFailed);

        act.Should().Throw<ArgumentException>().WithMessage("'backup-jobs-failed' is not a drill alarm kind (they start with 'drill-').*");
    }

    [Fact]
    public void Facade_EveryAlarmInTheTemplate_IsListedByTheMonitoring()
    {
        var (_, backup, template) = TestStacks.Facade(TestStacks.DemoPropsWithDrills());

        var inTemplate = Json.ResourcesOfType(template, "AWS::CloudWatch::Alarm").Select(a => a["Properties"]!["AlarmName"]!.GetValue<string>()).ToList();
        var listed = backup.Monitoring.Alarms.Select(a => ((Amazon.CDK.AWS.CloudWatch.CfnAlarm)a.Node.DefaultChild!).AlarmName).ToList();

        backup.Drills!.Alarms.Should().HaveCount((3 * 6) + 2, "three per drilled resource type plus no-report and dead-letters");
        backup.Monitoring.Alarms.Cast<Amazon.CDK.AWS.CloudWatch.IAlarm>().Should().Contain(backup.Drills.Alarms);
        listed.Should().BeEquivalentTo(inTemplate, "every alarm of the backup system is created through the monitoring");
        listed.Should().Contain(["acme-drill-dynamodb-failed", "acme-drill-no-report", "acme-drill-validator-dead-letters", "acme-store-recovery-rto-breached-critical"]);
    }

    [Fact]
    public void Facade_Severities_ReRankDrillAndRecoveryAlarms()
    {
        var props = TestStacks.DemoPropsWithDrills() with
        {
            Monitoring = new MonitoringOptions
            {
                WarningEmails = ["warnings@acme.example"],
                Severities = new Dictionary<string, AlarmSeverity>
                {
                    [AlarmKinds.DrillFailed] = AlarmSeverity.Warning,
                    [AlarmKinds.StoreRecoveryRtoBreached] = AlarmSeverity.Warning,
                },
            },
        };
        var (_, _, template) = TestStacks.Facade(props);
        var alarms = Json.ResourcesOfType(template, "AWS::CloudWatch::Alarm").ToDictionary(a => a["Properties"]!["AlarmName"]!.GetValue<string>(), a => a["Properties"]!);

        // The drill alarm keeps its name (its scheme carries no severity) and pages the warning topic.
        alarms["acme-drill-dynamodb-failed"]["AlarmActions"]!.ToJsonString().Should().Contain("BackupWarnings").And.NotContain("BackupAlerts");
        alarms["acme-drill-dynamodb-rto-breached"]["AlarmActions"]!.ToJsonString().Should().Contain("BackupAlerts", "only drill-failed was re-ranked");
        // The store recovery alarm follows the monitoring scheme: its severity is part of its name.
        alarms.Should().ContainKey("acme-store-recovery-rto-breached-warning").And.NotContainKey("acme-store-recovery-rto-breached-critical");
        alarms["acme-store-recovery-rto-breached-warning"]["AlarmActions"]!.ToJsonString().Should().Contain("BackupWarnings");
    }
}
