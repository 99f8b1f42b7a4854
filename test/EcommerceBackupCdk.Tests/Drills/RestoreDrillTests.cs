using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Tests.Drills;

/// <summary>The restore testing plan, its selections, the trigger and the validator function on the template.</summary>
public sealed class RestoreDrillTests
{
    private static readonly Lazy<(RestoreDrill Drill, Template Template, JsonObject Json)> Default = new(() =>
    {
        var (_, drill, template) = DrillFixture.Create();
        return (drill, template, Json.Of(template));
    });

    [Fact]
    public void Plan_Defaults_FridayEveningUtcLatestSnapshotOrContinuousPointOfPrimaryVault()
    {
        Default.Value.Template.ResourceCountIs("AWS::Backup::RestoreTestingPlan", 1);
        Default.Value.Template.HasResourceProperties("AWS::Backup::RestoreTestingPlan", new Dictionary<string, object>
        {
            ["RestoreTestingPlanName"] = "acme_restore_drills",
            ["ScheduleExpression"] = "cron(0 18 ? * FRI *)",
            ["ScheduleExpressionTimezone"] = "Etc/UTC",
            ["StartWindowHours"] = 4,
            ["RecoveryPointSelection"] = new Dictionary<string, object>
            {
                ["Algorithm"] = "LATEST_WITHIN_WINDOW",
                ["IncludeVaults"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith(new object[] { "BackupVaultArn" }) }) },
                ["RecoveryPointTypes"] = new object[] { "SNAPSHOT", "CONTINUOUS" },
                ["SelectionWindowDays"] = 7,
            },
        });
    }

    [Fact]
    public void Plan_ConfiguredScheduleAndWindows_AreWrittenAsGiven()
    {
        var (_, _, template) = DrillFixture.Create(new DrillOptions
        {
            Schedule = "cron(30 2 ? * SUN *)",
            TimeZone = "Europe/Istanbul",
            StartWindow = TimeSpan.FromHours(8),
            SelectionWindowDays = 14,
            ValidationWindow = TimeSpan.FromHours(2),
        });

        template.HasResourceProperties("AWS::Backup::RestoreTestingPlan", new Dictionary<string, object>
        {
            ["ScheduleExpression"] = "cron(30 2 ? * SUN *)",
            ["ScheduleExpressionTimezone"] = "Europe/Istanbul",
            ["StartWindowHours"] = 8,
            ["RecoveryPointSelection"] = Match.ObjectLike(new Dictionary<string, object> { ["SelectionWindowDays"] = 14 }),
        });
        template.AllResourcesProperties("AWS::Backup::RestoreTestingSelection", new Dictionary<string, object> { ["ValidationWindowHours"] = 2 });
    }

    [Fact]
    public void Selections_Defaults_OnePerResourceTypeNamedAsAwsBackupExpectsSelectedByCriticalTierTag()
    {
        var selections = Json.ResourcesOfType(Default.Value.Template, "AWS::Backup::RestoreTestingSelection").Select(r => r["Properties"]!.AsObject()).ToList();

        selections.Select(p => p["ProtectedResourceType"]!.GetValue<string>())
            .Should().BeEquivalentTo("Aurora", "RDS", "DynamoDB", "S3", "EBS", "EFS");
        foreach (var p in selections)
        {
            p["ProtectedResourceArns"]!.AsArray().Select(x => x!.GetValue<string>()).Should().Equal("*");
            var condition = p["ProtectedResourceConditions"]!["StringEquals"]!.AsArray().Single()!;
            condition["Key"]!.GetValue<string>().Should().Be("aws:ResourceTag/ecommerce-backup:tier");
            condition["Value"]!.GetValue<string>().Should().Be("critical");
            p["ValidationWindowHours"]!.GetValue<int>().Should().Be(4);
            p["RestoreTestingSelectionName"]!.GetValue<string>().Should().MatchRegex("^acme_critical_[a-z0-9]+$");
            p["IamRoleArn"]!.ToJsonString().Should().Contain("DrillsRestoreRole");
        }
    }

    [Fact]
    public void Selections_TwoTiers_OnePerTierAndType()
    {
        var (_, drill, template) = DrillFixture.Create(new DrillOptions { Tiers = [TierName.Critical, TierName.Standard], ResourceTypes = [DrillResourceType.DynamoDb, DrillResourceType.S3] });

        template.ResourceCountIs("AWS::Backup::RestoreTestingSelection", 4);
        Json.ResourcesOfType(template, "AWS::Backup::RestoreTestingSelection")
            .Select(r => r["Properties"]!["RestoreTestingSelectionName"]!.GetValue<string>())
            .Should().BeEquivalentTo("acme_critical_dynamodb", "acme_critical_s3", "acme_standard_dynamodb", "acme_standard_s3");
        drill.JudgingTier.Should().Be(TierName.Critical);
    }

    [Fact]
    public void Selections_Databases_RestoreSmallPrivateSingleAzIntoGivenSubnetGroupAndSecurityGroups()
    {
        var (_, _, template) = DrillFixture.Create(new DrillOptions
        {
            DbSubnetGroupName = "shop-private",
            DbSecurityGroupIds = ["sg-0123456789abcdef0", "sg-12345678"],
        });

        template.HasResourceProperties("AWS::Backup::RestoreTestingSelection", new Dictionary<string, object>
        {
            ["ProtectedResourceType"] = "RDS",
            ["RestoreMetadataOverrides"] = new Dictionary<string, object>
            {
                ["dbInstanceClass"] = "db.t4g.medium",
                ["publiclyAccessible"] = "false",
                ["multiAz"] = "false",
                ["dbSubnetGroupName"] = "shop-private",
                ["vpcSecurityGroupIds"] = "[\"sg-0123456789abcdef0\",\"sg-12345678\"]",
            },
        });
        template.HasResourceProperties("AWS::Backup::RestoreTestingSelection", new Dictionary<string, object>
        {
            ["ProtectedResourceType"] = "Aurora",
            ["RestoreMetadataOverrides"] = new Dictionary<string, object>
            {
                ["dbSubnetGroupName"] = "shop-private",
                ["vpcSecurityGroupIds"] = "[\"sg-0123456789abcdef0\",\"sg-12345678\"]",
            },
        });
    }

    [Fact]
    public void Selections_S3AndDynamoDb_NoAclsComeBackAndNoNeedlessOverrides()
    {
        Default.Value.Template.HasResourceProperties("AWS::Backup::RestoreTestingSelection", new Dictionary<string, object>
        {
            ["ProtectedResourceType"] = "S3",
            ["RestoreMetadataOverrides"] = new Dictionary<string, object> { ["restoreACLs"] = "false" },
        });
        Default.Value.Template.HasResourceProperties("AWS::Backup::RestoreTestingSelection", new Dictionary<string, object>
        {
            ["ProtectedResourceType"] = "DynamoDB",
            ["RestoreMetadataOverrides"] = Match.Absent(),
        });
    }

    [Fact]
    public void RestoreRole_AssumableOnlyByAwsBackupWithRestorePolicies()
    {
        Default.Value.Template.HasResourceProperties("AWS::IAM::Role", new Dictionary<string, object>
        {
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Principal"] = new Dictionary<string, object> { ["Service"] = "backup.amazonaws.com" } }) },
            }),
            ["ManagedPolicyArns"] = Match.ArrayWith(new object[]
            {
                Match.ObjectLike(new Dictionary<string, object> { ["Fn::Join"] = Match.ArrayWith(new object[] { Match.ArrayWith(new object[] { ":iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores" }) }) }),
            }),
        });
    }

    [Fact]
    public void Validator_Dotnet10Arm64WithContractHandlerLimitsAndDeadLetters()
    {
        Default.Value.Template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Runtime"] = "dotnet10",
            ["Architectures"] = new object[] { "arm64" },
            ["Handler"] = "EcommerceBackupCdk.RestoreDrill::EcommerceBackupCdk.RestoreDrill.Handlers.Function::Handle",
            ["MemorySize"] = 1024,
            ["Timeout"] = 720,
            ["DeadLetterConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["TargetArn"] = Match.AnyValue() }),
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["LogGroup"] = Match.AnyValue() }),
        });
        Default.Value.Template.HasResourceProperties("AWS::Lambda::EventInvokeConfig", new Dictionary<string, object>
        {
            ["MaximumRetryAttempts"] = 2,
            ["MaximumEventAgeInSeconds"] = 21600,
        });
        Default.Value.Template.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object>
        {
            ["LogGroupName"] = "/aws/lambda/acme-restore-drill-validator",
            ["RetentionInDays"] = 365,
            ["KmsKeyId"] = Match.AnyValue(),
        });
    }

    [Fact]
    public void Validator_Environment_FollowsTheValidatorContract()
    {
        var env = Json.ResourcesOfType(Default.Value.Template, "AWS::Lambda::Function").Single()["Properties"]!["Environment"]!["Variables"]!.AsObject();

        env["STORE_NAME"]!.GetValue<string>().Should().Be("acme");
        env["REPORT_BUCKET"]!.ToJsonString().Should().Contain("Ref").And.Contain("DrillsReports");
        env["RESTORE_TESTING_PLAN_ARNS"]!.ToJsonString().Should().Contain("RestoreTestingPlanArn");
        env["DEFAULT_TIER"]!.GetValue<string>().Should().Be("critical");
        env["DYNAMODB_TIMESTAMP_ATTRIBUTE"]!.GetValue<string>().Should().Be("createdAt");
        env["SQL_PRESET"]!.GetValue<string>().Should().Be("woocommerce");
        env["VALIDATION_TIMEOUT_SECONDS"]!.GetValue<string>().Should().Be("600");
        var tiers = JsonNode.Parse(env["TIER_TARGETS"]!.GetValue<string>())!;
        tiers["critical"]!["rpoSeconds"]!.GetValue<long>().Should().Be(300);
        tiers["critical"]!["rtoSeconds"]!.GetValue<long>().Should().Be(1800);
        tiers["standard"]!["rtoSeconds"]!.GetValue<long>().Should().Be(14400);
        env.ContainsKey("DB_SECRET_ARN").Should().BeFalse();
        env.ContainsKey("RESOURCE_SETTINGS").Should().BeFalse();
    }

    [Fact]
    public void Validator_ResourceSettingsAndLooseFreshness_AreJsonTheValidatorReads()
    {
        var (_, _, template) = DrillFixture.Create(new DrillOptions
        {
            MaxDataFreshness = TimeSpan.FromHours(1),
            Resources =
            [
                new DrillResourceSettings { SourceArn = "arn:aws:dynamodb:eu-central-1:111111111111:table/carts", Tier = TierName.Standard, FreshnessAttribute = "updatedAt" },
                new DrillResourceSettings { SourceArn = "arn:aws:rds:eu-central-1:111111111111:db:shop*", SqlPreset = "magento", MinimumRecordCount = 10 },
            ],
        });
        var env = Json.ResourcesOfType(template, "AWS::Lambda::Function").Single()["Properties"]!["Environment"]!["Variables"]!.AsObject();

        var resources = JsonNode.Parse(env["RESOURCE_SETTINGS"]!.GetValue<string>())!.AsArray();
        resources[0]!["sourceArn"]!.GetValue<string>().Should().Be("arn:aws:dynamodb:eu-central-1:111111111111:table/carts");
        resources[0]!["tier"]!.GetValue<string>().Should().Be("standard");
        resources[0]!["timestampAttribute"]!.GetValue<string>().Should().Be("updatedAt");
        resources[1]!["sqlPreset"]!.GetValue<string>().Should().Be("magento");
        resources[1]!["minimumRecordCount"]!.GetValue<long>().Should().Be(10);
        var tiers = JsonNode.Parse(env["TIER_TARGETS"]!.GetValue<string>())!;
        tiers["critical"]!["maxDataFreshnessSeconds"]!.GetValue<long>().Should().Be(3600, "the option loosens the 5-minute RPO check for quiet stores");
        tiers["standard"]!["maxDataFreshnessSeconds"]!.GetValue<long>().Should().Be(86400, "the option never tightens a tier's RPO");
    }

    [Fact]
    public void Trigger_Pattern_MatchesAwsSampleCompletedEventOfOurPlanOnly()
    {
        var pattern = TriggerPattern(Default.Value.Json, OurPlanArn);

        EventPatterns.Matches(pattern, SampleEvent("COMPLETED", OurPlanArn)).Should().BeTrue();
        EventPatterns.Matches(pattern, SampleEvent("FAILED", OurPlanArn)).Should().BeTrue();
        EventPatterns.Matches(pattern, SampleEvent("ABORTED", OurPlanArn)).Should().BeTrue();
        EventPatterns.Matches(pattern, SampleEvent("RUNNING", OurPlanArn)).Should().BeFalse();
        EventPatterns.Matches(pattern, SampleEvent("COMPLETED", "arn:aws:backup:us-west-2:1112233445566:restore-testing-plan:someone_else-1a2b")).Should().BeFalse();
        EventPatterns.Matches(pattern, SampleEvent("COMPLETED", null)).Should().BeFalse("an ordinary restore (no restore testing plan) is not a drill");
    }

    [Fact]
    public void Validator_ReservedConcurrency_OffByDefaultAndSetWhenOptedIn()
    {
        Json.ResourcesOfType(Default.Value.Template, "AWS::Lambda::Function").Single()["Properties"]!.AsObject()
            .ContainsKey("ReservedConcurrentExecutions").Should().BeFalse("new accounts may have a concurrency quota of 10");
        var (_, _, template) = DrillFixture.Create(new DrillOptions { ReservedConcurrency = 3 });
        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object> { ["ReservedConcurrentExecutions"] = 3 });
    }

    [Fact]
    public void Flow_StandardStateMachineLogsWithoutExecutionDataTracesAndLocksPerRestoreJob()
    {
        var template = Default.Value.Template;
        template.HasResourceProperties("AWS::StepFunctions::StateMachine", new Dictionary<string, object>
        {
            ["StateMachineName"] = "acme-restore-drill-flow",
            ["StateMachineType"] = "STANDARD",
            ["TracingConfiguration"] = new Dictionary<string, object> { ["Enabled"] = true },
            ["LoggingConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["Level"] = "ALL", ["IncludeExecutionData"] = false }),
        });
        template.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["KeySchema"] = new object[] { new Dictionary<string, object> { ["AttributeName"] = "restoreJobId", ["KeyType"] = "HASH" } },
            ["TimeToLiveSpecification"] = new Dictionary<string, object> { ["AttributeName"] = "expiresAt", ["Enabled"] = true },
            ["Tags"] = Match.ArrayWith(new object[] { new Dictionary<string, object> { ["Key"] = "ecommerce-backup:exclude", ["Value"] = "true" } }),
        });
        var definition = Json.Pretty(Json.ResourcesOfType(template, "AWS::StepFunctions::StateMachine").Single()["Properties"]!["DefinitionString"]!);
        definition.Should().Contain("arn:aws:states:::dynamodb:putItem").And.Contain("attribute_not_exists(restoreJobId)")
            .And.Contain("DynamoDB.ConditionalCheckFailedException").And.Contain("TransientDrillException")
            .And.NotContain("aws-sdk:", "aws-sdk task parameters use the Java SDK's casing on AWS and boto's in moto; the flow avoids them");
    }

    [Fact]
    public void Trigger_StartsTheDrillFlowWithRetriesAndDeadLetterQueue()
    {
        Default.Value.Template.HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object>
        {
            ["Targets"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Arn"] = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^DrillsFlow") }),
                    ["RoleArn"] = Match.AnyValue(),
                    ["RetryPolicy"] = new Dictionary<string, object> { ["MaximumRetryAttempts"] = 8, ["MaximumEventAgeInSeconds"] = 21600 },
                    ["DeadLetterConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["Arn"] = Match.AnyValue() }),
                }),
            },
        });
    }

    [Fact]
    public void ReportBucket_EncryptedVersionedPrivateLoggedAndExpiring()
    {
        Default.Value.Template.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketEncryption"] = new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ServerSideEncryptionByDefault"] = Match.ObjectLike(new Dictionary<string, object> { ["SSEAlgorithm"] = "aws:kms" }),
                    }),
                },
            },
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
            ["LoggingConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["LogFilePrefix"] = "reports/" }),
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object> { ["Prefix"] = "drills/", ["ExpirationInDays"] = 1095, ["NoncurrentVersionExpiration"] = new Dictionary<string, object> { ["NoncurrentDays"] = 30 } }),
                },
            },
        });
        Default.Value.Template.HasResourceProperties("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny",
                        ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                    }),
                }),
            }),
        });
    }

    [Fact]
    public void Network_Given_ValidatorRunsInVpcAndMayManageOnlyItsNetworkInterfaces()
    {
        var stack = TestStacks.NewStack();
        var vpc = new Amazon.CDK.AWS.EC2.Vpc(stack, "Vpc", new Amazon.CDK.AWS.EC2.VpcProps { MaxAzs = 2, NatGateways = 1 });
        var vault = new Amazon.CDK.AWS.Backup.BackupVault(stack, "Vault");
        new RestoreDrill(stack, "Drills", new RestoreDrillProps
        {
            StoreName = "acme",
            Vault = vault,
            Options = new DrillOptions { ValidatorCode = TestStacks.StubValidatorCode, Network = new ValidatorNetwork { Vpc = vpc } },
        });
        var template = Template.FromStack(stack);

        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["VpcConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["SubnetIds"] = Match.AnyValue(), ["SecurityGroupIds"] = Match.AnyValue() }),
        });
        Json.ResourcesOfType(template, "AWS::IAM::ManagedPolicy").Select(Json.Pretty).Where(p => p.Contains("Restore drill validator", StringComparison.Ordinal))
            .Should().ContainSingle().Which.Should().Contain("ec2:CreateNetworkInterface");
        Json.ResourcesOfType(template, "AWS::Lambda::Function").Single()["Metadata"]?.ToJsonString().Should().NotContain("LambdaInsideVPC");
    }

    [Fact]
    public void Facade_Defaults_CreateOnePlanWithWidgetsOnTheDashboardAndDisabledCreatesNone()
    {
        var (_, backup, template) = TestStacks.Facade(TestStacks.DemoPropsWithDrills());
        template.ResourceCountIs("AWS::Backup::RestoreTestingPlan", 1);
        backup.Drills.Should().NotBeNull();
        var dashboard = Json.Pretty(Json.ResourcesOfType(template, "AWS::CloudWatch::Dashboard").Single());
        dashboard.Should().Contain("Restore drills").And.Contain("RestoreDurationSeconds").And.Contain("RecoveryPointAgeSeconds");

        var (_, disabled, none) = TestStacks.Facade(TestStacks.DemoProps() with { Drills = new DrillOptions { Enabled = false } });
        none.ResourceCountIs("AWS::Backup::RestoreTestingPlan", 0);
        none.ResourceCountIs("AWS::Lambda::Function", 0);
        disabled.Drills.Should().BeNull();
    }

    private const string OurPlanArn = "arn:aws:backup:us-west-2:1112233445566:restore-testing-plan:acme_restore_drills-0f1e2d3c";

    private static JsonObject TriggerPattern(JsonObject template, string planArn)
    {
        var rule = template["Resources"]!.AsObject().Select(kv => kv.Value!.AsObject()).Single(r => r["Type"]!.GetValue<string>() == "AWS::Events::Rule");
        var pattern = rule["Properties"]!["EventPattern"]!.DeepClone().AsObject();
        var arns = pattern["detail"]!["restoreTestingPlanArn"]!.AsArray();
        arns.Should().ContainSingle().Which!.ToJsonString().Should().Contain("RestoreTestingPlanArn", "the pattern names our plan's ARN");
        pattern["detail"]!["restoreTestingPlanArn"] = new JsonArray(planArn);
        return pattern;
    }

    // The "Restore Job State Change" COMPLETED and RUNNING samples of the AWS Backup developer guide ("Monitoring AWS
    // Backup events using Amazon EventBridge"); restore testing jobs also carry restoreTestingPlanArn, as the guide says.
    private static JsonNode SampleEvent(string status, string? planArn)
    {
        var evt = JsonNode.Parse(status == "RUNNING"
            ? """
              {
                "version": "0",
                "id": "ab32977c-378d-2122-e985-fgh4596f0709",
                "detail-type": "Restore Job State Change",
                "source": "aws.backup",
                "account": "1112233445566",
                "time": "2020-07-29T20:26:06Z",
                "region": "us-west-2",
                "resources": ["arn:aws:ec2:us-west-2::snapshot/snap-0fe123ca456cfad7c"],
                "detail": {
                  "restoreJobId": "1B234A56-789B-01CD-2A34-4567A08901FD",
                  "backupSizeInBytes": "3221225472",
                  "creationDate": "2020-07-29T20:26:00.098Z",
                  "iamRoleArn": "arn:aws:iam::1112233445566:role/RestoreTestRole",
                  "percentDone": 0,
                  "resourceType": "EBS",
                  "status": "RUNNING"
                }
              }
              """
            : """
              {
                "version":"0",
                "id":"ab32977c-378d-2122-e985-fgh4596f0709",
                "detail-type":"Restore Job State Change",
                "source":"aws.backup",
                "account":"1112233445566",
                "time":"2020-07-15T03:14:58Z",
                "region":"us-west-2",
                "resources":["arn:aws:rds:us-west-2:1112233445566:snapshot:awsbackup:job-1a2bcd34-567e-8901-23f4-5g6hijkl7890"],
                "detail":{
                  "restoreJobId":"AB123456-78C9-0123-456D-789012E34567",
                  "backupVaultArn":"arn:aws:backup:us-west-2:1112233445566:backup-vault:ExampleVault",
                  "recoveryPointArn":"arn:aws:backup:us-west-2:1112233445566:recovery-point:6f7fc1f8-2f2e-40ac-943b-8f8efa9ba99d",
                  "sourceResourceArn":"arn:aws:rds:us-west-2:1112233445566:db:example-database",
                  "backupSizeInBytes":"0",
                  "creationDate":"2020-07-15T03:10:01.742Z",
                  "iamRoleArn":"arn:aws:iam::1112233445566:role/RestoreTestRole",
                  "percentDone":0,
                  "resourceType":"RDS",
                  "status":"COMPLETED",
                  "createdResourceArn":"arn:aws:rds:us-west-2:1112233445566:db:testinginstance1a2bcd34-567e-8901-23f4-5g6hijkl7890",
                  "completionDate":"2020-07-15T03:14:53.128Z"
                }
              }
              """)!;
        evt["detail"]!["status"] = status;
        if (planArn is not null)
        {
            evt["detail"]!["restoreTestingPlanArn"] = planArn;
        }

        return evt;
    }
}
