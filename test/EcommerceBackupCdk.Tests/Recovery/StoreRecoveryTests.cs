using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Recovery;

public class StoreRecoveryTests
{
    private const string Region = TestStacks.PrimaryRegion;
    private const string Account = TestStacks.PrimaryAccount;

    private static readonly Lazy<(EcommerceBackup Backup, Template Template, JsonObject Json)> Default = new(() =>
    {
        var (_, backup, template) = TestStacks.Facade(TestStacks.DemoPropsWithDrills());
        return (backup, template, Json.Of(template));
    });

    private static JsonObject Definition(JsonObject template)
    {
        // The drills have their own state machine beside this one.
        var machine = Json.ResourcesOfTypeIn(template, "AWS::StepFunctions::StateMachine")
            .Single(m => m["Properties"]!["StateMachineName"]?.ToJsonString().Contains("store-recovery", StringComparison.Ordinal) == true);
        var body = machine["Properties"]!["DefinitionString"]!;
        // CDK renders DefinitionSubstitutions through Fn::Sub/Join; the literal parts hold the ASL.
        var text = body is JsonValue v ? v.GetValue<string>() : string.Concat(((JsonArray)body["Fn::Join"]![1]!).Select(p => p is JsonValue s ? s.GetValue<string>() : "\"FN\""));
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public void Facade_WithDrills_CreatesTheStoreRecoveryStateMachineThatFindsResourcesByTierTag()
    {
        var (backup, template, json) = Default.Value;
        backup.Recovery.Should().NotBeNull();
        template.HasResourceProperties("AWS::StepFunctions::StateMachine", new Dictionary<string, object>
        {
            ["StateMachineName"] = "acme-store-recovery",
            ["StateMachineType"] = "STANDARD",
        });
        var states = Definition(json)["States"]!.AsObject();
        var discover = states["Discover"]!;
        discover["Resource"]!.GetValue<string>().Should().Be("arn:aws:states:::aws-sdk:resourcegroupstaggingapi:getResources");
        discover["Parameters"]!["TagFilters"]![0]!["Key"]!.GetValue<string>().Should().Be("ecommerce-backup:tier");
        states["Restore"]!["MaxConcurrency"]!.GetValue<int>().Should().Be(0, "every resource restores in parallel");
        states["Refuse"]!["CausePath"]!.GetValue<string>().Should().Be("$.plan.reason");
    }

    [Fact]
    public void Facade_WithoutDrills_CreatesNoStoreRecovery()
    {
        var (_, backup, template) = TestStacks.Facade();
        backup.Recovery.Should().BeNull();
        template.ResourceCountIs("AWS::StepFunctions::StateMachine", 0);
    }

    [Fact]
    public void Definition_PollsBoundedly_TimeoutOverIntervalPolls()
    {
        var json = JsonNode.Parse(RecoveryStateMachineDefinition.Build("arn:fn", EcommerceBackupCdk.Tiers.TierName.Critical, TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(10)))!;
        var branch = json["States"]!["Restore"]!["ItemProcessor"]!["States"]!;
        branch["WaitForRestore"]!["Seconds"]!.GetValue<int>().Should().Be(20);
        var ready = branch["RestoreReady"]!["Choices"]!.AsArray();
        ready.Single(c => c!["Next"]!.GetValue<string>() == "RestoreTimedOut")!["NumericGreaterThanEquals"]!.GetValue<int>().Should().Be(30);
        branch["StartRestore"]!["Catch"]![0]!["Next"]!.GetValue<string>().Should().Be("BranchFailed", "a failed branch is reported with the others' results");
        json["States"]!["Restore"]!["Catch"]![0]!["Next"]!.GetValue<string>().Should().Be("ReportFailure");
        json["States"]!["CleanupWanted"]!["Choices"]![0]!["StringEquals"]!.GetValue<string>().Should().Be("drill");
    }

    [Fact]
    public void Schedule_DefaultsToQuarterlyDrillModeOutsidePeakHours()
    {
        Default.Value.Template.HasResourceProperties("AWS::Scheduler::Schedule", new Dictionary<string, object>
        {
            ["ScheduleExpression"] = "cron(0 3 1 1,4,7,10 ? *)",
            ["ScheduleExpressionTimezone"] = "Etc/UTC",
            ["Target"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Input"] = "{\"pointInTime\":\"latest\",\"tier\":\"critical\",\"mode\":\"drill\"}",
            }),
        });
    }

    [Fact]
    public void Schedule_Null_CreatesNoSchedule()
    {
        var (_, _, template) = TestStacks.Facade(TestStacks.DemoPropsWithDrills() with { Recovery = new RecoveryOptions { Schedule = null } });
        template.ResourceCountIs("AWS::Scheduler::Schedule", 0);
    }

    [Fact]
    public void RtoAlarm_IsCreatedThroughTheMonitoring_WithTheTierRtoAsThreshold()
    {
        var (backup, template, _) = Default.Value;
        template.HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "acme-store-recovery-rto-breached-critical",
            ["Namespace"] = "EcommerceBackup/StoreRecovery",
            ["MetricName"] = "FullStackRtoSeconds",
            ["Threshold"] = 1800,
            ["ComparisonOperator"] = "GreaterThanThreshold",
        });
        backup.Monitoring.Alarms.Should().Contain(backup.Recovery!.RtoAlarm, "the monitoring construct lists every alarm");
    }

    private static IReadOnlyList<JsonObject> RecoveryStatements()
    {
        var policy = Json.ResourcesOfTypeIn(Default.Value.Json, "AWS::IAM::ManagedPolicy")
            .Single(p => p["Properties"]!["Description"]!.GetValue<string>().StartsWith("Store recovery of", StringComparison.Ordinal));
        return [.. policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject())];
    }

    [Theory]
    [InlineData("dynamodb:DeleteTable", "table/orders")]
    [InlineData("dynamodb:PutItem", "table/carts")]
    [InlineData("dynamodb:UpdateContinuousBackups", "table/carts")]
    [InlineData("dynamodb:TagResource", "table/carts")]
    [InlineData("rds:DeleteDBInstance", "db:shop")]
    [InlineData("rds:DeleteDBCluster", "cluster:orders")]
    [InlineData("rds:ModifyDBCluster", "cluster:orders")]
    [InlineData("s3:DeleteBucket", "s3:acme-media")]
    [InlineData("s3:DeleteObject", "s3:acme-media/a.jpg")]
    public void Permissions_NeverChangeOrDeleteASource(string action, string resource)
    {
        PolicySimulator.IsAllowed(RecoveryStatements(), action, Arn(resource)).Should().BeFalse($"{action} on the source {resource} must be denied");
    }

    [Theory]
    [InlineData("dynamodb:RestoreTableToPointInTime", "table/orders")]
    [InlineData("dynamodb:DescribeContinuousBackups", "table/orders")]
    [InlineData("dynamodb:PutItem", "table/recovery-1a2b3c4d-orders")]
    [InlineData("dynamodb:DeleteTable", "table/recovery-1a2b3c4d-orders")]
    [InlineData("rds:RestoreDBClusterToPointInTime", "cluster:recovery-1a2b3c4d-orders")]
    [InlineData("rds:RestoreDBClusterToPointInTime", "cluster:orders")]
    [InlineData("rds:RestoreDBInstanceToPointInTime", "db:shop")]
    [InlineData("rds:CreateDBInstance", "db:recovery-1a2b3c4d-orders-w1")]
    [InlineData("rds:CreateDBInstance", "cluster:recovery-1a2b3c4d-orders")]
    [InlineData("rds:AddTagsToResource", "cluster:recovery-1a2b3c4d-orders")]
    [InlineData("rds:DeleteDBInstance", "db:recovery-1a2b3c4d-orders-w1")]
    [InlineData("rds:DeleteDBCluster", "cluster:recovery-1a2b3c4d-orders")]
    [InlineData("s3:DeleteBucket", "s3:recovery-1a2b3c4d-acme-media")]
    public void Permissions_AllowRestoringFromSourcesAndDeletingRecoveryPrefixedResources(string action, string resource)
    {
        PolicySimulator.IsAllowed(RecoveryStatements(), action, Arn(resource)).Should().BeTrue($"{action} on {resource} is what recovery needs");
    }

    [Theory]
    [InlineData("dynamodb:PutItem", "table/orders-copy")]
    [InlineData("dynamodb:DeleteTable", "table/recovery")]
    [InlineData("rds:DeleteDBInstance", "db:shop-recovery-1")]
    [InlineData("s3:DeleteBucket", "s3:acme-recovery-media")]
    [InlineData("rds:CreateDBInstance", "db:orders-w1")]
    [InlineData("rds:AddTagsToResource", "db:shop")]
    [InlineData("rds:AddTagsToResource", "cluster:orders")]
    public void Permissions_WriteAndDeleteNothingWithoutTheRecoveryPrefix(string action, string resource)
    {
        PolicySimulator.IsAllowed(RecoveryStatements(), action, Arn(resource)).Should().BeFalse($"'{resource}' does not start with 'recovery-'");
    }

    /// <summary>
    /// The report reads the restored buckets' malware scans. "ListScanJobs | Grants permission to list scan jobs | List"
    /// with no resource type, so "you must specify all resources ("*")"
    /// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsbackup.html).
    /// </summary>
    [Fact]
    public void Permissions_AllowListingScanJobsOnAllResources()
    {
        var statement = RecoveryStatements().Should().ContainSingle(s => s["Action"]!.ToJsonString().Contains("backup:ListScanJobs", StringComparison.Ordinal)).Subject;
        statement["Effect"]!.GetValue<string>().Should().Be("Allow");
        statement["Resource"]!.GetValue<string>().Should().Be("*");
        PolicySimulator.IsAllowed(RecoveryStatements(), "backup:ListScanJobs", "*").Should().BeTrue();
    }

    private static string Arn(string resource) => resource switch
    {
        _ when resource.StartsWith("table/", StringComparison.Ordinal) => $"arn:aws:dynamodb:{Region}:{Account}:{resource}",
        _ when resource.StartsWith("s3:", StringComparison.Ordinal) => $"arn:aws:s3:::{resource[3..]}",
        _ => $"arn:aws:rds:{Region}:{Account}:{resource}",
    };

    [Theory]
    [InlineData("schedule", "recovery.schedule")]
    [InlineData("timeZone", "recovery.timeZone: is not an IANA time zone")]
    [InlineData("pollInterval", "recovery.pollInterval: is out of range")]
    [InlineData("restoreTimeout", "recovery.restoreTimeout: must be longer than the poll interval")]
    [InlineData("auroraInstanceClass", "recovery.auroraInstanceClass: is not a DB instance class")]
    public void Options_Invalid_AreRefusedNamingTheKeyAndValue(string field, string expected)
    {
        var options = field switch
        {
            "schedule" => new RecoveryOptions { Schedule = "every quarter" },
            "timeZone" => new RecoveryOptions { TimeZone = "Mars/Olympus" },
            "pollInterval" => new RecoveryOptions { PollInterval = TimeSpan.FromHours(2) },
            "restoreTimeout" => new RecoveryOptions { RestoreTimeout = TimeSpan.FromSeconds(10) },
            _ => new RecoveryOptions { AuroraInstanceClass = "t4g.medium" },
        };
        var problems = new ValidationProblems();
        RecoveryOptionsValidator.Validate(options, EcommerceBackupCdk.Tiers.BackupTargets.Defaults, problems);
        problems.All.Should().ContainSingle().Which.Should().Contain(expected);

        var act = () => TestStacks.Facade(TestStacks.DemoPropsWithDrills() with { Recovery = options });
        act.Should().Throw<BackupConfigurationException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void Options_Defaults_AreValid()
    {
        var problems = new ValidationProblems();
        RecoveryOptionsValidator.Validate(new RecoveryOptions(), EcommerceBackupCdk.Tiers.BackupTargets.Defaults, problems);
        problems.All.Should().BeEmpty();
    }
}
