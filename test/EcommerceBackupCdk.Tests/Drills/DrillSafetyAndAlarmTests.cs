using System.Text.Json.Nodes;
using Amazon.CDK.AWS.CloudWatch;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Tests.Drills;

/// <summary>The validator's permissions (reads only, every data change denied) and the drill alarms.</summary>
public sealed class DrillSafetyAndAlarmTests
{
    private static readonly Lazy<(RestoreDrill Drill, JsonObject Json)> Default = new(() =>
    {
        var (_, drill, template) = DrillFixture.Create();
        return (drill, Json.Of(template));
    });

    private static readonly string[] ChangingVerbs = ["Delete", "Put", "Update", "Create", "Modify", "Restore", "Write", "Start", "Stop", "Reboot", "Tag", "Untag", "Attach", "Detach"];

    [Fact]
    public void ValidatorPolicy_AllowsNoActionThatChangesDataExceptItsOwnResultsReportsLogsAndDeadLetters()
    {
        var allowed = Statements(Default.Value.Json).Where(s => s["Effect"]!.GetValue<string>() == "Allow")
            .SelectMany(s => Actions(s).Select(a => (Action: a, Statement: s)))
            .ToList();

        var changing = allowed.Where(x => ChangingVerbs.Any(v => x.Action.Split(':')[1].StartsWith(v, StringComparison.Ordinal)) || x.Action.Contains('*', StringComparison.Ordinal))
            .Select(x => x.Action)
            .ToList();
        changing.Should().BeEquivalentTo(
            "backup:PutRestoreValidationResult", "s3:PutObject", "logs:CreateLogStream", "logs:PutLogEvents",
            "rds:ModifyDBCluster", "rds:ModifyDBInstance", "rds:DeleteDBInstance", "rds:CreateDBInstance", "rds:CreateDBInstance", "rds:CreateDBInstance");
        foreach (var (action, statement) in allowed.Where(x => x.Action.StartsWith("rds:", StringComparison.Ordinal) && !x.Action.StartsWith("rds:Describe", StringComparison.Ordinal)))
        {
            var resources = statement["Resource"]!.ToJsonString();
            if (resources.Contains(":db:", StringComparison.Ordinal) || resources.Contains(":cluster:", StringComparison.Ordinal))
            {
                statement["Condition"]!["Null"]!.AsObject().Single().Value!.GetValue<string>().Should().Be("false", $"{action} on {resources} needs the awsbackup-restore-test tag");
                statement["Condition"]!["Null"]!.AsObject().Single().Key.Should().EndWith("/awsbackup-restore-test");
            }
        }

        var put = allowed.Single(x => x.Action == "s3:PutObject").Statement;
        put["Resource"]!.ToJsonString().Should().Contain("DrillsReports").And.Contain("/drills/*");
    }

    [Fact]
    public void ValidatorPolicy_ReadsOnlyWhatRestoreTestsCreate()
    {
        var statements = Statements(Default.Value.Json);
        // Restored RDS/Aurora copies have no documented name prefix: reads of instances/clusters are not scoped by name,
        // changes are scoped by the awsbackup-restore-test tag (ValidatorPolicy_AllowsNoActionThatChangesData...).
        foreach (var action in new[] { "dynamodb:Scan", "s3:GetObject", "s3:ListBucket" })
        {
            var statement = statements.Single(s => Actions(s).Contains(action));
            statement["Resource"]!.ToJsonString().Should().Contain("awsbackup-restore-test", $"{action} may only touch restored copies");
        }
    }

    [Fact]
    public void ValidatorPolicy_ExplicitlyDeniesDataChangesAndWritesOutsideReports()
    {
        var denies = Statements(Default.Value.Json).Where(s => s["Effect"]!.GetValue<string>() == "Deny").ToList();

        var deny = denies.Single(s => s["Sid"]!.GetValue<string>() == "DenyAnyDataChange");
        deny["Resource"]!.GetValue<string>().Should().Be("*");
        Actions(deny).Should().Contain(["dynamodb:DeleteTable", "dynamodb:PutItem", "s3:DeleteObject*", "rds:Restore*", "rds:DeleteDBCluster*", "rds:CreateDBCluster*", "backup:Delete*", "backup:Start*", "secretsmanager:PutSecretValue", "kms:ScheduleKeyDeletion"]);
        // Every RDS change to an instance or cluster without the restore-test tag is denied, whatever else allows it.
        var notRestored = denies.Single(s => s["Sid"]!.GetValue<string>() == "DenyChangesToDatabasesNotRestored");
        Actions(notRestored).Should().Contain(["rds:Delete*", "rds:Modify*"]);
        notRestored["Condition"]!["Null"]!["aws:ResourceTag/awsbackup-restore-test"]!.GetValue<string>().Should().Be("true");
        var clusters = denies.Single(s => s["Sid"]!.GetValue<string>() == "DenyInstancesInClustersNotRestored");
        Actions(clusters).Should().Contain(["rds:CreateDBInstance", "rds:AddTagsToResource"]);
        clusters["Condition"]!["Null"]!["aws:ResourceTag/awsbackup-restore-test"]!.GetValue<string>().Should().Be("true");
        var untaggedNew = denies.Single(s => s["Sid"]!.GetValue<string>() == "DenyUntaggedNewInstances");
        untaggedNew["Condition"]!["Null"]!["aws:RequestTag/awsbackup-restore-test"]!.GetValue<string>().Should().Be("true");
        var outside = denies.Single(s => s["Sid"]!.GetValue<string>() == "DenyWritesOutsideDrillReports");
        Actions(outside).Should().Contain("s3:PutObject*");
        outside["NotResource"]!.ToJsonString().Should().Contain("/drills/*");
    }

    [Fact]
    public void ValidatorRole_HasNoInlinePolicyAndOnlyTheDrillPolicy()
    {
        var template = Default.Value.Json;
        // The only inline policy is the one CDK gives EventBridge's role to start the drill flow.
        Json.ResourcesOfTypeIn(template, "AWS::IAM::Policy").Should().OnlyContain(p => p.ToJsonString().Contains("states:StartExecution", StringComparison.Ordinal)
            && !p.ToJsonString().Contains("ValidatorRole", StringComparison.Ordinal));
        var validatorRoles = Json.ResourcesOfTypeIn(template, "AWS::IAM::Role")
            .Where(r => r["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString().Contains("lambda.amazonaws.com", StringComparison.Ordinal))
            .ToList();
        validatorRoles.Should().ContainSingle();
        validatorRoles[0]["Properties"]!.AsObject().ContainsKey("ManagedPolicyArns").Should().BeFalse();
    }

    [Fact]
    public void ValidatorPolicy_DatabaseSecret_ReadOnlyThatSecret()
    {
        var stack = TestStacks.NewStack();
        var vault = new Amazon.CDK.AWS.Backup.BackupVault(stack, "Vault");
        var secret = Amazon.CDK.AWS.SecretsManager.Secret.FromSecretCompleteArn(stack, "Secret", "arn:aws:secretsmanager:eu-central-1:111111111111:secret:shop-db-AbCdEf");
        new RestoreDrill(stack, "Drills", new RestoreDrillProps
        {
            StoreName = "acme",
            Vault = vault,
            Options = new DrillOptions { ValidatorCode = TestStacks.StubValidatorCode, DatabaseSecret = secret },
        });
        var json = Json.Of(Amazon.CDK.Assertions.Template.FromStack(stack));

        var read = Statements(json).Single(s => Actions(s).Contains("secretsmanager:GetSecretValue"));
        read["Resource"]!.GetValue<string>().Should().Be("arn:aws:secretsmanager:eu-central-1:111111111111:secret:shop-db-AbCdEf");
        Json.ResourcesOfTypeIn(json, "AWS::Lambda::Function").Single()["Properties"]!["Environment"]!["Variables"]!["DB_SECRET_ARN"]!
            .GetValue<string>().Should().Be("arn:aws:secretsmanager:eu-central-1:111111111111:secret:shop-db-AbCdEf");

        // Imported by ARN, the secret names no key: kms:Decrypt is derived from the secret (encryption context), only via Secrets Manager.
        var decrypt = Statements(json).Single(s => s["Sid"]!.GetValue<string>() == "DecryptImportedDatabaseCredentials");
        Actions(decrypt).Should().Equal("kms:Decrypt");
        decrypt["Resource"]!.ToJsonString().Should().Contain(":key/*");
        decrypt["Condition"]!["StringLike"]!["kms:EncryptionContext:SecretARN"]!.ToJsonString()
            .Should().Contain("arn:aws:secretsmanager:eu-central-1:111111111111:secret:shop-db-AbCdEf");
        decrypt["Condition"]!["StringEquals"]!["kms:ViaService"]!.ToJsonString().Should().Contain("secretsmanager.");
        Statements(json).Should().NotContain(s => s["Sid"]!.GetValue<string>() == "DecryptDatabaseCredentials", "no secret names its key");
    }

    [Fact]
    public void ValidatorPolicy_SecretWithKnownKey_DecryptOnlyThatKeyViaSecretsManager()
    {
        var stack = TestStacks.NewStack();
        var vault = new Amazon.CDK.AWS.Backup.BackupVault(stack, "Vault");
        var key = Amazon.CDK.AWS.KMS.Key.FromKeyArn(stack, "SecretKey", "arn:aws:kms:eu-central-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        var secret = Amazon.CDK.AWS.SecretsManager.Secret.FromSecretAttributes(stack, "Secret", new Amazon.CDK.AWS.SecretsManager.SecretAttributes
        {
            SecretCompleteArn = "arn:aws:secretsmanager:eu-central-1:111111111111:secret:shop-db-AbCdEf",
            EncryptionKey = key,
        });
        new RestoreDrill(stack, "Drills", new RestoreDrillProps
        {
            StoreName = "acme",
            Vault = vault,
            Options = new DrillOptions { ValidatorCode = TestStacks.StubValidatorCode, DatabaseSecret = secret },
        });
        var json = Json.Of(Amazon.CDK.Assertions.Template.FromStack(stack));

        var decrypt = Statements(json).Single(s => s["Sid"]!.GetValue<string>() == "DecryptDatabaseCredentials");
        decrypt["Resource"]!.ToJsonString().Should().Contain("key/1234abcd-12ab-34cd-56ef-1234567890ab");
        decrypt["Condition"]!["StringEquals"]!["kms:ViaService"]!.ToJsonString().Should().Contain("secretsmanager.");
        Statements(json).Should().NotContain(s => s["Sid"]!.GetValue<string>() == "DecryptImportedDatabaseCredentials");
    }

    [Fact]
    public void ValidatorPolicy_S3Drills_DecryptRestoredObjectsOnlyThroughS3()
    {
        var statements = Statements(Default.Value.Json);
        var decrypt = statements.Single(s => s["Sid"]!.GetValue<string>() == "DecryptRestoredObjects");
        Actions(decrypt).Should().Equal("kms:Decrypt");
        decrypt["Condition"]!["StringEquals"]!["kms:ViaService"]!.ToJsonString().Should().Contain("s3.");
        // Only restored buckets are readable, so only restored objects can be decrypted through S3.
        statements.Where(s => s["Effect"]!.GetValue<string>() == "Allow" && Actions(s).Any(a => a.StartsWith("s3:Get", StringComparison.Ordinal)))
            .Should().OnlyContain(s => s["Resource"]!.ToJsonString().Contains("awsbackup-restore-test", StringComparison.Ordinal));

        var (_, _, template) = DrillFixture.Create(new DrillOptions { ResourceTypes = [DrillResourceType.DynamoDb] });
        Statements(Json.Of(template)).Should().NotContain(s => s["Sid"]!.GetValue<string>() == "DecryptRestoredObjects", "no S3 drills, no S3 decrypt");
    }

    [Fact]
    public void Alarms_Defaults_ThreePerResourceTypePlusNoReportAndDeadLetters()
    {
        var alarms = Json.ResourcesOfTypeIn(Default.Value.Json, "AWS::CloudWatch::Alarm").ToList();

        alarms.Should().HaveCount((3 * 6) + 2);
        Default.Value.Drill.Alarms.Should().HaveCount(alarms.Count);
        alarms.Should().OnlyContain(a => a["Properties"]!["AlarmActions"]!.AsArray().Count == 1, "every drill alarm notifies the alert topic");
    }

    [Fact]
    public void Alarms_Thresholds_DerivedFromTheStrictestDrilledTiersTargets()
    {
        var alarms = AlarmsByName(Default.Value.Json);

        var failed = alarms["acme-drill-rds-failed"];
        failed["MetricName"]!.GetValue<string>().Should().Be("Success");
        failed["Namespace"]!.GetValue<string>().Should().Be("EcommerceBackup/RestoreDrill");
        failed["Statistic"]!.GetValue<string>().Should().Be("Minimum");
        failed["ComparisonOperator"]!.GetValue<string>().Should().Be("LessThanThreshold");
        failed["Threshold"]!.GetValue<int>().Should().Be(1);
        failed["Dimensions"]!.ToJsonString().Should().Contain("\"Store\"").And.Contain("\"acme\"").And.Contain("\"ResourceType\"").And.Contain("\"RDS\"");

        alarms["acme-drill-dynamodb-rto-breached"]["Threshold"]!.GetValue<int>().Should().Be(1800, "critical RTO is 30 minutes");
        alarms["acme-drill-dynamodb-rto-breached"]["MetricName"]!.GetValue<string>().Should().Be("RestoreDurationSeconds");
        alarms["acme-drill-s3-recovery-point-too-old"]["Threshold"]!.GetValue<int>().Should().Be(4 * 3600,
            "the hourly rule's gap (1h) plus its start (1h) and completion (2h) windows");
        alarms["acme-drill-s3-recovery-point-too-old"]["MetricName"]!.GetValue<string>().Should().Be("RecoveryPointAgeSeconds");
    }

    [Fact]
    public void Alarms_CustomTargets_ThresholdsFollowTheTargets()
    {
        var targets = BackupTargets.Defaults.With(TierName.Critical, TierDefaults.Critical with { Rto = TimeSpan.FromHours(1) });
        var (_, _, template) = DrillFixture.Create(new DrillOptions { ResourceTypes = [DrillResourceType.DynamoDb] }, targets);
        var alarms = AlarmsByName(Json.Of(template));

        alarms.Should().HaveCount(3 + 2);
        alarms["acme-drill-dynamodb-rto-breached"]["Threshold"]!.GetValue<int>().Should().Be(3600);
    }

    [Fact]
    public void Alarms_StandardTierOnly_JudgedByStandardTargets()
    {
        var (_, drill, template) = DrillFixture.Create(new DrillOptions { Tiers = [TierName.Standard], ResourceTypes = [DrillResourceType.S3] });
        var alarms = AlarmsByName(Json.Of(template));

        drill.JudgingTier.Should().Be(TierName.Standard);
        alarms["acme-drill-s3-rto-breached"]["Threshold"]!.GetValue<int>().Should().Be(4 * 3600);
        alarms["acme-drill-s3-recovery-point-too-old"]["Threshold"]!.GetValue<int>().Should().Be((24 + 1 + 8) * 3600, "daily gap plus 1h start and 8h completion windows");
    }

    [Theory]
    [InlineData("cron(0 18 ? * FRI *)", 7)]
    [InlineData("cron(0 18 ? * * *)", 2)]
    [InlineData("cron(0 18 1 * ? *)", 7)]
    public void NoReportAlarm_LooksBackScheduleGapPlusOneDayAtMostSeven(string schedule, int days)
    {
        var (_, _, template) = DrillFixture.Create(new DrillOptions { Schedule = schedule, StartWindow = TimeSpan.FromHours(1) });
        var alarm = AlarmsByName(Json.Of(template))["acme-drill-no-report"];

        alarm["EvaluationPeriods"]!.GetValue<int>().Should().Be(days);
        alarm["DatapointsToAlarm"]!.GetValue<int>().Should().Be(days);
        alarm["TreatMissingData"]!.GetValue<string>().Should().Be("breaching");
        alarm["ComparisonOperator"]!.GetValue<string>().Should().Be("LessThanThreshold");
        var metrics = alarm["Metrics"]!.AsArray();
        metrics.Should().Contain(m => m!["Expression"] != null && m["Expression"]!.GetValue<string>().Contains("FILL(m0, 0)", StringComparison.Ordinal));
        metrics.Where(m => m!["MetricStat"] != null).Should().OnlyContain(m => m!["MetricStat"]!["Period"]!.GetValue<int>() == 86400 && m["MetricStat"]!["Stat"]!.GetValue<string>() == "SampleCount");
    }

    [Fact]
    public void Alarms_NoTopic_NoActions()
    {
        var (_, _, template) = DrillFixture.Create(withTopic: false);
        Json.ResourcesOfTypeIn(Json.Of(template), "AWS::CloudWatch::Alarm").Should().OnlyContain(a => a["Properties"]!["AlarmActions"] == null);
    }

    [Fact]
    public void DashboardWidgets_RtoAndRpoTrendsWithTargetLines()
    {
        var stack = TestStacks.NewStack();
        var drill = new RestoreDrill(stack, "Drills", new RestoreDrillProps
        {
            StoreName = "acme",
            Vault = new Amazon.CDK.AWS.Backup.BackupVault(stack, "Vault"),
            Options = new DrillOptions { ValidatorCode = TestStacks.StubValidatorCode },
        });
        var widgets = drill.DashboardWidgets();
        var dashboard = new Dashboard(stack, "Dashboard");
        dashboard.AddWidgets(widgets);
        var body = Json.Pretty(Json.ResourcesOfTypeIn(Json.Of(Amazon.CDK.Assertions.Template.FromStack(stack)), "AWS::CloudWatch::Dashboard").Single());

        widgets.Should().HaveCount(4);
        body.Should().Contain("RestoreDurationSeconds").And.Contain("DataFreshnessSeconds").And.Contain("RecoveryPointAgeSeconds").And.Contain("Success");
        body.Should().Contain("critical RTO 30m").And.Contain("critical RPO 5m");
        body.Should().Contain("1800");
    }

    private static List<JsonObject> Statements(JsonObject template) =>
        Json.ResourcesOfTypeIn(template, "AWS::IAM::ManagedPolicy")
            .Where(p => p["Properties"]!["Description"]?.GetValue<string>().StartsWith("Restore drill validator", StringComparison.Ordinal) == true)
            .SelectMany(p => p["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))
            .ToList();

    private static List<string> Actions(JsonObject statement) => statement["Action"] switch
    {
        JsonArray list => list.Select(a => a!.GetValue<string>()).ToList(),
        JsonNode single => [single.GetValue<string>()],
        _ => [],
    };

    private static Dictionary<string, JsonObject> AlarmsByName(JsonObject template) =>
        Json.ResourcesOfTypeIn(template, "AWS::CloudWatch::Alarm")
            .ToDictionary(a => a["Properties"]!["AlarmName"]!.GetValue<string>(), a => a["Properties"]!.AsObject());
}
