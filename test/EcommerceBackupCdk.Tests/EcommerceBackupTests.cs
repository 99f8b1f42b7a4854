using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests;

public sealed class EcommerceBackupTests
{
    [Fact]
    public void Facade_Demo_CreatesTopicVaultPlansAndSelections()
    {
        var (_, backup, template) = TestStacks.Facade();

        template.ResourceCountIs("AWS::Backup::BackupVault", 1);
        // One plan per tier plus the critical tier's DynamoDB, relational and S3 plans (rules derived per family).
        template.ResourceCountIs("AWS::Backup::BackupPlan", 6);
        template.ResourceCountIs("AWS::Backup::BackupSelection", 6);
        template.ResourceCountIs("AWS::Backup::TieringConfiguration", 1);
        template.ResourceCountIs("AWS::SNS::Topic", 1);
        template.ResourceCountIs("AWS::KMS::Key", 2);
        backup.DrRegionVaultArn.Should().NotBeNull();
        backup.DrAccountVaultArn.Should().NotBeNull();
    }

    [Fact]
    public void Facade_Topic_IsKmsEncryptedTlsOnlyAndOnlyServicesPublish()
    {
        var (_, _, template) = TestStacks.Facade();

        template.HasResourceProperties("AWS::SNS::Topic", new Dictionary<string, object>
        {
            ["TopicName"] = "acme-backup-alerts",
            ["KmsMasterKeyId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.AnyValue() }),
        });
        var statements = Json.ResourcesOfType(template, "AWS::SNS::TopicPolicy").Single()["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();
        statements.Should().Contain(s => s!["Effect"]!.GetValue<string>() == "Deny" && s.ToJsonString().Contains("aws:SecureTransport"));
        var allow = statements.Single(s => s!["Effect"]!.GetValue<string>() == "Allow")!;
        allow["Principal"]!["Service"]!.ToJsonString().Should().Be("""["backup.amazonaws.com","events.amazonaws.com","cloudwatch.amazonaws.com"]""");
        template.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object> { ["Protocol"] = "email", ["Endpoint"] = "oncall@acme.example" });
    }

    [Fact]
    public void Facade_InvalidProps_ThrowsBeforeCreatingAnything()
    {
        var stack = TestStacks.NewStack();

        var act = () => new EcommerceBackup(stack, "Backup", TestStacks.DemoProps() with
        {
            DisasterRecovery = new EcommerceBackupCdk.Vaults.DisasterRecoveryOptions { Region = TestStacks.PrimaryRegion, Account = TestStacks.PrimaryAccount },
        });

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().HaveCount(2);
        stack.Node.Children.Should().BeEmpty();
    }

    [Fact]
    public void Facade_EnvAgnosticStack_UsesTokensAndSkipsComparisons()
    {
        var app = new Amazon.CDK.App();
        var stack = new Amazon.CDK.Stack(app, "Agnostic");

        var backup = new EcommerceBackup(stack, "Backup", TestStacks.DemoProps());

        Amazon.CDK.Token.IsUnresolved(backup.DrAccountVaultArn!).Should().BeTrue("the DR account vault sits in the primary region by default");
        Template.FromStack(stack).ResourceCountIs("AWS::Backup::BackupPlan", 6);
    }

    [Fact]
    public void Facade_OperatorRole_IsNamedAndAssumableOnlyByBackupOfThisAccount()
    {
        var (_, _, template) = TestStacks.Facade();

        var role = Json.ResourcesOfType(template, "AWS::IAM::Role")
            .Single(r => r["Properties"]!["RoleName"]?.GetValue<string>() == "acme-backup-operator")["Properties"]!;
        var trust = role["AssumeRolePolicyDocument"]!["Statement"]!.AsArray().Single()!;
        trust["Principal"]!["Service"]!.GetValue<string>().Should().Be("backup.amazonaws.com");
        trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]!.ToJsonString().Should().Contain("AWS::AccountId");
        role["ManagedPolicyArns"]!.ToJsonString().Should().Contain("AWSBackupServiceRolePolicyForRestores");
    }

    [Fact]
    public void Facade_DrillFlow_AlarmsOnFailedTimedOutAndAbortedExecutionsToTheAlertTopic()
    {
        var (_, backup, template) = TestStacks.Facade(TestStacks.DemoPropsWithDrills());

        var alarm = Json.ResourcesOfType(template, "AWS::CloudWatch::Alarm")
            .Single(a => a["Properties"]!["AlarmName"]?.GetValue<string>() == "acme-workflow-executions-failed-drills-flow-critical")["Properties"]!;
        var metrics = alarm["Metrics"]!.AsArray().Select(m => m!.AsObject()).ToList();
        metrics.Single(m => m["Expression"] is not null)["Expression"]!.GetValue<string>()
            .Should().Be("FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)");
        var stats = metrics.Where(m => m["MetricStat"] is not null).Select(m => m["MetricStat"]!).ToList();
        stats.Select(s => s["Metric"]!["MetricName"]!.GetValue<string>()).Should().BeEquivalentTo("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted");
        stats.Should().OnlyContain(s => s["Metric"]!["Namespace"]!.GetValue<string>() == "AWS/States" && s["Stat"]!.GetValue<string>() == "Sum");
        stats.Should().OnlyContain(s => s["Metric"]!["Dimensions"]!.ToJsonString().Contains("StateMachineArn", StringComparison.Ordinal)
            && s["Metric"]!["Dimensions"]!.ToJsonString().Contains("DrillsFlow", StringComparison.Ordinal));
        alarm["Threshold"]!.GetValue<int>().Should().Be(1);
        alarm["ComparisonOperator"]!.GetValue<string>().Should().Be("GreaterThanOrEqualToThreshold");
        alarm["TreatMissingData"]!.GetValue<string>().Should().Be("notBreaching");
        alarm["AlarmActions"]!.ToJsonString().Should().Contain("BackupAlerts", "critical alarms go to the alert topic");
        backup.Monitoring.Alarms.Should().Contain(a => a.Node.Id == "WorkflowExecutionsFailed-drills-flow");

        // Without drills there is no flow and no such alarm.
        var (_, _, withoutDrills) = TestStacks.Facade();
        Json.ResourcesOfType(withoutDrills, "AWS::CloudWatch::Alarm")
            .Should().NotContain(a => a["Properties"]!["AlarmName"]!.ToJsonString().Contains("workflow-executions-failed", StringComparison.Ordinal));
    }
}
