using System.Text.Json.Nodes;
using EcommerceBackupCdk.Protection;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Plans;

public sealed class TieredBackupPlanTests
{
    private static readonly Lazy<Template> Demo = new(() => TestStacks.Facade().Template);

    private static JsonObject Plan(string name) => Json.ResourcesOfType(Demo.Value, "AWS::Backup::BackupPlan")
        .Single(p => p["Properties"]!["BackupPlan"]!["BackupPlanName"]!.GetValue<string>() == name)["Properties"]!["BackupPlan"]!.AsObject();

    private static JsonObject Rule(string plan, string rule) => Plan(plan)["BackupPlanRule"]!.AsArray()
        .Single(r => r!["RuleName"]!.GetValue<string>() == rule)!.AsObject();

    private static JsonNode Selection(string name) => Json.ResourcesOfType(Demo.Value, "AWS::Backup::BackupSelection")
        .Single(s => s["Properties"]!["BackupSelection"]!["SelectionName"]!.GetValue<string>() == name)["Properties"]!["BackupSelection"]!;

    private static IEnumerable<(string Name, int Retention, int Copies, bool Continuous)> Rules(string plan) => Plan(plan)["BackupPlanRule"]!.AsArray()
        .Select(r => (r!["RuleName"]!.GetValue<string>(), r["Lifecycle"]!["DeleteAfterDays"]!.GetValue<int>(), r["CopyActions"]?.AsArray().Count ?? 0,
            r["EnableContinuousBackup"]?.GetValue<bool>() ?? false));

    [Fact]
    public void Plans_Demo_OnePlanPerTierPlusCriticalFamilyPlans()
    {
        // The guard-rails (on by default) give DynamoDB PITR; critical has AWS Backup continuous backup for RDS/Aurora/S3.
        // Standard and archive rules add something for every family, so those tiers keep one plan each.
        Demo.Value.ResourceCountIs("AWS::Backup::BackupPlan", 6);
        Json.ResourcesOfType(Demo.Value, "AWS::Backup::BackupPlan")
            .Select(p => p["Properties"]!["BackupPlan"]!["BackupPlanName"]!.GetValue<string>())
            .Should().BeEquivalentTo("acme-critical", "acme-critical-dynamodb", "acme-critical-relational", "acme-critical-s3", "acme-standard", "acme-archive");
        Demo.Value.ResourceCountIs("AWS::Backup::BackupSelection", 6);
    }

    [Fact]
    public void FamilyPlan_CriticalDynamoDb_NoHourlyNoContinuous_LocalPointsKeptForTheirCopies()
    {
        // Hourly (14d, no copy) is covered by PITR over 35d; Daily and Weekly stay for their copies, kept 14d locally.
        Rules("acme-critical-dynamodb").Should().Equal(("Daily", 14, 1, false), ("Weekly", 14, 1, false));
        Rule("acme-critical-dynamodb", "Daily")["CopyActions"]![0]!["Lifecycle"]!["DeleteAfterDays"]!.GetValue<int>().Should().Be(35);
        Rule("acme-critical-dynamodb", "Weekly")["CopyActions"]![0]!["Lifecycle"]!["DeleteAfterDays"]!.GetValue<int>().Should().Be(90);
        Rule("acme-critical-dynamodb", "Weekly")["CopyActions"]![0]!["DestinationBackupVaultArn"]!.ToJsonString().Should().Contain("acme-dr-account");
        Rule("acme-critical-dynamodb", "Daily")["ScheduleExpressionTimezone"]!.GetValue<string>().Should().Be("Europe/Istanbul");
    }

    [Theory]
    [InlineData("acme-critical-relational")]
    [InlineData("acme-critical-s3")]
    public void FamilyPlan_CriticalContinuousFamilies_ContinuousPlusCopyRules(string plan)
    {
        Rules(plan).Should().Equal(("Daily", 14, 1, false), ("Weekly", 14, 1, false), ("Continuous", 35, 0, true));
    }

    [Fact]
    public void TierPlan_Critical_KeepsEveryRuleForOtherTypes()
    {
        Rules("acme-critical").Should().Equal(("Hourly", 14, 0, false), ("Daily", 35, 1, false), ("Weekly", 35, 1, false), ("Continuous", 35, 0, true));
    }

    [Theory]
    [InlineData("dynamodb", new[] { ":dynamodb:*:*:table/*" })]
    [InlineData("relational", new[] { ":rds:*:*:cluster:*", ":rds:*:*:db:*" })]
    [InlineData("s3", new[] { ":s3:::*" })]
    public void Selection_FamilyPlan_AndsTierTagWithArnPatterns(string family, string[] patterns)
    {
        var selection = Selection($"acme-critical-{family}-by-tag");

        selection["Resources"]!.AsArray().Select(r => r!.ToJsonString()).Should().HaveCount(patterns.Length)
            .And.SatisfyRespectively(patterns.Select<string, Action<string>>(p => r => r.Should().Contain(p)));
        selection["Conditions"]!.ToJsonString().Should().Contain("\"ConditionValue\":\"critical\"").And.Contain("ecommerce-backup:exclude");
        selection["NotResources"].Should().BeNull();
    }

    [Fact]
    public void Selection_CriticalTierPlan_ExcludesTheFamiliesWithOwnPlans()
    {
        var notResources = Selection("acme-critical-by-tag")["NotResources"]!.ToJsonString();

        notResources.Should().Contain(":dynamodb:*:*:table/*").And.Contain(":rds:*:*:cluster:*").And.Contain(":rds:*:*:db:*").And.Contain(":s3:::*");
        Selection("acme-standard-by-tag")["NotResources"].Should().BeNull("every family of the standard tier uses its rules");
    }

    [Fact]
    public void TieredBackupPlan_WithoutGuardRails_DynamoDbKeepsItsTiersRules()
    {
        var stack = TestStacks.NewStack();
        var vault = new Amazon.CDK.AWS.Backup.BackupVault(stack, "V");

        var plans = new TieredBackupPlan(stack, "Plans", new TieredBackupPlanProps
        {
            StoreName = "acme",
            Vault = vault,
            DrRegionVaultArn = "arn:aws:backup:eu-west-1:111111111111:backup-vault:acme-dr-region",
            DrAccountVaultArn = "arn:aws:backup:eu-central-1:222222222222:backup-vault:acme-dr-account",
        });

        plans.FamilyPlans.Keys.Should().BeEquivalentTo(new[] { (TierName.Critical, ResourceFamily.Relational), (TierName.Critical, ResourceFamily.S3) },
            "without the guard-rails nothing guarantees DynamoDB PITR, so its hourly snapshots stay");
        Template.FromStack(stack).ResourceCountIs("AWS::Backup::BackupPlan", 5);
    }

    [Theory]
    [InlineData("acme-critical", "Hourly", "cron(0 * ? * * *)", 14, 60, 120)]
    [InlineData("acme-critical", "Daily", "cron(0 3 ? * * *)", 35, 60, 480)]
    [InlineData("acme-critical", "Weekly", "cron(0 4 ? * SUN *)", 35, 60, 480)]
    [InlineData("acme-standard", "Daily", "cron(0 3 ? * * *)", 35, 60, 480)]
    [InlineData("acme-standard", "Weekly", "cron(0 4 ? * SUN *)", 90, 60, 480)]
    [InlineData("acme-archive", "Monthly", "cron(0 5 1 * ? *)", 2555, 60, 1440)]
    public void Rule_Defaults_ScheduleRetentionAndWindows(string plan, string rule, string schedule, int deleteAfter, int start, int completion)
    {
        var r = Rule(plan, rule);

        r["ScheduleExpression"]!.GetValue<string>().Should().Be(schedule);
        r["Lifecycle"]!["DeleteAfterDays"]!.GetValue<int>().Should().Be(deleteAfter);
        r["StartWindowMinutes"]!.GetValue<int>().Should().Be(start);
        r["CompletionWindowMinutes"]!.GetValue<int>().Should().Be(completion);
        r["ScheduleExpressionTimezone"]!.GetValue<string>().Should().Be("Europe/Istanbul");
        r["RecoveryPointTags"]!.ToJsonString().Should().Be(
            $$"""{"ecommerce-backup:store":"acme","ecommerce-backup:tier":"{{plan["acme-".Length..]}}","ecommerce-backup:rule":"{{rule}}"}""");
        r["TargetBackupVault"]!.ToJsonString().Should().Contain("BackupVault");
    }

    [Fact]
    public void Rule_CriticalContinuous_Is35DaysWithoutColdStorage()
    {
        var r = Rule("acme-critical", TieredBackupPlan.ContinuousRuleName);

        r["EnableContinuousBackup"]!.GetValue<bool>().Should().BeTrue();
        r["Lifecycle"]!["DeleteAfterDays"]!.GetValue<int>().Should().Be(35);
        r["Lifecycle"]!.AsObject().ContainsKey("MoveToColdStorageAfterDays").Should().BeFalse();
        r["ScheduleExpressionTimezone"]!.GetValue<string>().Should().Be("Europe/Istanbul");
    }

    [Fact]
    public void Rule_OnlyCriticalHasContinuous()
    {
        foreach (var plan in new[] { "acme-standard", "acme-archive" })
        {
            Plan(plan)["BackupPlanRule"]!.AsArray().Should().NotContain(r => r!["EnableContinuousBackup"] != null);
        }
    }

    [Fact]
    public void Rule_ArchiveMonthly_MovesToColdStorageAfter90Days()
    {
        Rule("acme-archive", "Monthly")["Lifecycle"]!["MoveToColdStorageAfterDays"]!.GetValue<int>().Should().Be(90);
    }

    [Theory]
    [InlineData("acme-critical", "Daily", "eu-west-1:111111111111:backup-vault:acme-dr-region", 35, null)]
    [InlineData("acme-critical", "Weekly", "eu-central-1:222222222222:backup-vault:acme-dr-account", 90, null)]
    [InlineData("acme-standard", "Weekly", "eu-west-1:111111111111:backup-vault:acme-dr-region", 90, null)]
    [InlineData("acme-archive", "Monthly", "eu-central-1:222222222222:backup-vault:acme-dr-account", 2555, 90)]
    public void CopyAction_Defaults_GoToDrVaultWithOwnRetention(string plan, string rule, string arnTail, int deleteAfter, int? cold)
    {
        var copy = Rule(plan, rule)["CopyActions"]!.AsArray().Single()!;

        copy["DestinationBackupVaultArn"]!.ToJsonString().Should().Contain($":backup:{arnTail}");
        copy["Lifecycle"]!["DeleteAfterDays"]!.GetValue<int>().Should().Be(deleteAfter);
        copy["Lifecycle"]!["MoveToColdStorageAfterDays"]?.GetValue<int>().Should().Be(cold);
    }

    [Fact]
    public void CopyAction_HourlyAndStandardDaily_HaveNone()
    {
        (Rule("acme-critical", "Hourly")["CopyActions"]?.AsArray().Count ?? 0).Should().Be(0);
        (Rule("acme-standard", "Daily")["CopyActions"]?.AsArray().Count ?? 0).Should().Be(0);
    }

    [Theory]
    [InlineData("critical")]
    [InlineData("standard")]
    [InlineData("archive")]
    public void Selection_Tier_SelectsByTierTagAndNotExcluded(string tier)
    {
        var selection = Json.ResourcesOfType(Demo.Value, "AWS::Backup::BackupSelection")
            .Single(s => s["Properties"]!["BackupSelection"]!["SelectionName"]!.GetValue<string>() == $"acme-{tier}-by-tag")["Properties"]!["BackupSelection"]!;

        selection["Resources"]!.ToJsonString().Should().Be("[\"*\"]");
        selection["Conditions"]!.ToJsonString().Should().Be(
            $$"""{"StringEquals":[{"ConditionKey":"aws:ResourceTag/ecommerce-backup:tier","ConditionValue":"{{tier}}"}],"StringNotEquals":[{"ConditionKey":"aws:ResourceTag/ecommerce-backup:exclude","ConditionValue":"true"}]}""");
        selection["IamRoleArn"]!.ToJsonString().Should().Contain("SelectionRole");
    }

    [Fact]
    public void SelectionRole_IsAssumedByBackupWithBackupAndS3Policies()
    {
        var selectionRoles = Json.ResourcesOfType(Demo.Value, "AWS::IAM::Role")
            .Where(r => r["Properties"]!["Description"]!.GetValue<string>().Contains("tier of acme", StringComparison.Ordinal))
            .ToList();
        selectionRoles.Should().HaveCount(3);
        foreach (var role in selectionRoles)
        {
            role["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString().Should().Contain("backup.amazonaws.com");
            var policies = role["Properties"]!["ManagedPolicyArns"]!.ToJsonString();
            policies.Should().Contain("AWSBackupServiceRolePolicyForBackup").And.Contain("AWSBackupServiceRolePolicyForS3Backup");
            role["Metadata"]!["cdk_nag"]!["rules_to_suppress"]!.ToJsonString().Should().Contain("AwsSolutions-IAM4");
        }
    }

    [Fact]
    public void TieredBackupPlan_CopiesWithoutDrVaultArn_Throws()
    {
        var stack = TestStacks.NewStack();
        var vault = new Amazon.CDK.AWS.Backup.BackupVault(stack, "V");

        var act = () => new TieredBackupPlan(stack, "Plans", new TieredBackupPlanProps { StoreName = "acme", Vault = vault });

        act.Should().Throw<BackupConfigurationException>()
            .WithMessage("*drRegionVaultArn: is required because targets.critical.rules.Daily copies to the DR region (got nothing, allowed the ARN of the DR-region vault)*drAccountVaultArn: is required because targets.critical.rules.Weekly copies to the DR account*");
    }

    [Fact]
    public void TieredBackupPlan_CustomRuleAndTimeZone_AppearInTemplate()
    {
        var stack = TestStacks.NewStack();
        var vault = new Amazon.CDK.AWS.Backup.BackupVault(stack, "V");
        var targets = BackupTargets.Defaults with
        {
            Standard = new TierTargets
            {
                Rpo = TimeSpan.FromHours(6),
                Rto = TimeSpan.FromHours(2),
                Rules = [new SnapshotRule { Name = "SixHourly", Schedule = "cron(15 */6 ? * * *)", Retention = TimeSpan.FromDays(7) }],
            },
        };

        var plans = new TieredBackupPlan(stack, "Plans", new TieredBackupPlanProps
        {
            StoreName = "shop",
            Vault = vault,
            Targets = targets,
            Tiers = [TierName.Standard],
            ScheduleTimeZone = "America/New_York",
        });

        plans.Plans.Keys.Should().Equal(TierName.Standard);
        Template.FromStack(stack).HasResourceProperties("AWS::Backup::BackupPlan", new Dictionary<string, object>
        {
            ["BackupPlan"] = new Dictionary<string, object>
            {
                ["BackupPlanName"] = "shop-standard",
                ["BackupPlanRule"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["RuleName"] = "SixHourly",
                        ["ScheduleExpression"] = "cron(15 */6 ? * * *)",
                        ["ScheduleExpressionTimezone"] = "America/New_York",
                        ["Lifecycle"] = new Dictionary<string, object> { ["DeleteAfterDays"] = 7 },
                    }),
                },
            },
        });
    }

    [Fact]
    public void Plans_NoTagPlansWithTier_NoPlanCarriesTheTierTag()
    {
        // The demo has no audit, so the facade leaves TagPlansWithTier off; BackupAuditFrameworkTests covers the tagged case.
        Json.ResourcesOfType(Demo.Value, "AWS::Backup::BackupPlan")
            .Should().OnlyContain(p => p["Properties"]!["BackupPlanTags"] == null || p["Properties"]!["BackupPlanTags"]![TagContract.TierKey] == null);
    }
}
