using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using static EcommerceBackupCdk.Compliance.BackupControls;
using P = EcommerceBackupCdk.Compliance.BackupControls.Parameters;

namespace EcommerceBackupCdk.Tests.Compliance;

public sealed class BackupAuditFrameworkTests
{
    [Fact]
    public void Facade_AuditNotSet_CreatesNoAuditResources()
    {
        var (_, _, template) = TestStacks.Facade();

        template.ResourceCountIs("AWS::Backup::Framework", 0);
        template.ResourceCountIs("AWS::Backup::ReportPlan", 0);
        template.ResourceCountIs("AWS::CloudTrail::Trail", 0);
    }

    [Fact]
    public void Framework_Demo_OneFrameworkPerTierAndOneForTheVault_TierControlsScopedByTierTag()
    {
        var (_, template) = AuditTestStacks.Facade();

        template.ResourceCountIs("AWS::Backup::Framework", 4);
        foreach (var tier in TierNames.All)
        {
            var controls = AuditTestStacks.Framework(template, $"acme_backup_{tier.TagValue()}")["FrameworkControls"]!.AsArray();
            controls.Should().NotBeEmpty();
            controls.Select(c => c!["ControlScope"]!.ToJsonString()).Should().AllBe(
                $$"""{"Tags":[{"Key":"ecommerce-backup:tier","Value":"{{tier.TagValue()}}"}]}""");
        }

        // The tiers' own plans carry the tier tag so the plan-level control finds them. The family plans derived per
        // resource type (acme-critical-dynamodb, ...) do not: they meet the RPO by point-in-time recovery, not by the
        // hourly rule the plan-frequency control checks, which the tier's own plan still has.
        Json.ResourcesOfType(template, "AWS::Backup::BackupPlan")
            .Where(p => p["Properties"]!["BackupPlanTags"]?[TagContract.TierKey] is not null)
            .Select(p => p["Properties"]!["BackupPlan"]!["BackupPlanName"]!.GetValue<string>())
            .Should().BeEquivalentTo(["acme-critical", "acme-standard", "acme-archive"]);
    }

    [Fact]
    public void Framework_DefaultTargets_ParametersComeFromTheTargets()
    {
        var (_, template) = AuditTestStacks.Facade();
        var critical = TierDefaults.Critical;
        var hourly = critical.Rules.Single(r => r.Name == "Hourly");

        AuditTestStacks.Control(template, "acme_backup_critical", PlanMinFrequencyAndMinRetention).Should().Equal(new Dictionary<string, string>
        {
            [P.RequiredRetentionDays] = hourly.Retention.TotalDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [P.RequiredFrequencyUnit] = "hours",
            [P.RequiredFrequencyValue] = "1",
        });
        AuditTestStacks.Control(template, "acme_backup_critical", RecoveryPointMinimumRetention)![P.RequiredRetentionDays].Should().Be("14");
        AuditTestStacks.Control(template, "acme_backup_critical", RestoreTimeMeetsTarget)![P.MaxRestoreTime].Should().Be(((int)critical.Rto.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Not the 5-minute RPO rounded to 1 hour: the Hourly rule may start up to 1h late and run 2h, so a healthy
        // resource can be 1h + 1h + 2h = 4h past its last recovery point; a lower threshold would flap.
        AuditTestStacks.Control(template, "acme_backup_critical", LastRecoveryPointCreated).Should().Equal(new Dictionary<string, string>
        {
            [P.RecoveryPointAgeUnit] = "hours",
            [P.RecoveryPointAgeValue] = "4",
        });
        AuditTestStacks.Control(template, "acme_backup_critical", ProtectedByCrossRegion)![P.CrossRegionList].Should().Be(TestStacks.DrRegion);
        AuditTestStacks.Control(template, "acme_backup_critical", ProtectedByCrossAccount)![P.CrossAccountList].Should().Be(TestStacks.DrAccount);
        AuditTestStacks.Control(template, "acme_backup_standard", ProtectedByCrossAccount).Should().BeNull("standard copies only to the DR region");
        AuditTestStacks.Control(template, "acme_backup_archive", ProtectedByCrossRegion).Should().BeNull("archive copies only to the DR account");
        AuditTestStacks.Control(template, "acme_backup_archive", PlanMinFrequencyAndMinRetention).Should().Equal(new Dictionary<string, string>
        {
            [P.RequiredRetentionDays] = "2555",
            [P.RequiredFrequencyUnit] = "days",
            [P.RequiredFrequencyValue] = "31",
        });
    }

    [Fact]
    public void Framework_VaultLockControl_UsesThePrimaryVaultsLockLimits()
    {
        var (backup, template) = AuditTestStacks.Facade();

        foreach (var tier in TierNames.All)
        {
            AuditTestStacks.Control(template, $"acme_backup_{tier.TagValue()}", ProtectedByVaultLock).Should().Equal(new Dictionary<string, string>
            {
                [P.MinRetentionDays] = backup.Vault.LockMinRetention.TotalDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [P.MaxRetentionDays] = backup.Vault.LockMaxRetention.TotalDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        backup.Vault.LockMaxRetention.Should().Be(TimeSpan.FromDays(2555));
    }

    [Fact]
    public void Framework_ChangedTargets_ParametersFollow()
    {
        var targets = BackupTargets.Defaults.With(TierName.Standard, TierDefaults.Standard with { Rto = TimeSpan.FromHours(2), Rpo = TimeSpan.FromHours(36) });
        var (_, template) = AuditTestStacks.Facade(change: p => p with { Targets = targets });

        AuditTestStacks.Control(template, "acme_backup_standard", RestoreTimeMeetsTarget)![P.MaxRestoreTime].Should().Be("120");
        AuditTestStacks.Control(template, "acme_backup_standard", LastRecoveryPointCreated).Should().Equal(new Dictionary<string, string>
        {
            [P.RecoveryPointAgeUnit] = "hours",
            [P.RecoveryPointAgeValue] = "36",
        });
    }

    [Fact]
    public void Framework_LastRecoveryPointAge_IsNeverBelowTheLongestHealthyGapBetweenRecoveryPoints()
    {
        // A daily rule that may start 3h late and run 10h: 24h + 3h + 10h = 37h, above the 24h RPO.
        var daily = TierDefaults.Standard.Rules[0] with { StartWindow = TimeSpan.FromHours(3), CompletionWindow = TimeSpan.FromHours(10) };
        var targets = BackupTargets.Defaults.With(TierName.Standard, TierDefaults.Standard with { Rules = [daily, .. TierDefaults.Standard.Rules.Skip(1)] });
        var (_, template) = AuditTestStacks.Facade(change: p => p with { Targets = targets });

        AuditTestStacks.Control(template, "acme_backup_standard", LastRecoveryPointCreated).Should().Equal(new Dictionary<string, string>
        {
            [P.RecoveryPointAgeUnit] = "hours",
            [P.RecoveryPointAgeValue] = "37",
        });
    }

    [Fact]
    public void Framework_MonthlyGapBeyondWhatTheControlExpresses_LeavesTheControlOutAndSaysWhy()
    {
        // Monthly on the 1st: up to 31 days between runs, plus its 1h start and 24h completion windows (769h), is more than the control's 31 days.
        var (backup, template) = AuditTestStacks.Facade();

        AuditTestStacks.Control(template, "acme_backup_archive", LastRecoveryPointCreated).Should().BeNull();
        backup.Audit!.Controls[TierName.Archive].Skipped.Should().ContainSingle().Which.Should()
            .Be("BACKUP_LAST_RECOVERY_POINT_CREATED: rule Monthly can leave 769h between recovery points, longer than the 31 days the control can express");
    }

    [Fact]
    public void Framework_RpoBeyondWhatTheControlExpresses_LeavesTheControlOutAndSaysWhy()
    {
        var targets = BackupTargets.Defaults.With(TierName.Archive, TierDefaults.Archive with { Rpo = TimeSpan.FromDays(45) });
        var (backup, template) = AuditTestStacks.Facade(change: p => p with { Targets = targets });

        AuditTestStacks.Control(template, "acme_backup_archive", LastRecoveryPointCreated).Should().BeNull();
        backup.Audit!.Controls[TierName.Archive].Skipped.Should().ContainSingle().Which.Should().Contain("RPO 45d is longer than the 31 days");
    }

    [Fact]
    public void VaultFramework_BreakGlassPrincipals_AreExemptedFromManualDeletion()
    {
        const string breakGlass = "arn:aws:iam::111111111111:role/acme-break-glass";
        var (_, template) = AuditTestStacks.Facade(new AuditOptions { BreakGlassPrincipals = [breakGlass, "arn:aws:iam::111111111111:role/ops/second"] });

        var vault = AuditTestStacks.Framework(template, "acme_backup_vaults")["FrameworkControls"]!.AsArray().Single()!;
        vault["ControlName"]!.GetValue<string>().Should().Be(ManualDeletionDisabled);
        vault["ControlInputParameters"]![0]!["ParameterValue"]!.GetValue<string>().Should().Be($"{breakGlass},arn:aws:iam::111111111111:role/ops/second");
        vault["ControlScope"]!.ToJsonString().Should().Be("""{"ComplianceResourceIds":["acme-primary"],"ComplianceResourceTypes":["AWS::Backup::BackupVault"]}""");
    }

    [Fact]
    public void ReportPlans_FiveTemplates_CsvAndJsonIntoTheEvidenceBucket_ComplianceCoversEveryFramework()
    {
        var (_, template) = AuditTestStacks.Facade();

        var plans = Json.ResourcesOfType(template, "AWS::Backup::ReportPlan").Select(p => p["Properties"]!).ToList();
        plans.Select(p => p["ReportSetting"]!["ReportTemplate"]!.GetValue<string>()).Should().BeEquivalentTo(
            ["BACKUP_JOB_REPORT", "COPY_JOB_REPORT", "RESTORE_JOB_REPORT", "CONTROL_COMPLIANCE_REPORT", "RESOURCE_COMPLIANCE_REPORT"]);
        var evidenceBucket = Json.Of(template)["Resources"]!.AsObject()
            .Single(kv => kv.Value!["Type"]!.GetValue<string>() == "AWS::S3::Bucket" && kv.Value["Properties"]!["ObjectLockEnabled"] is not null).Key;
        foreach (var plan in plans)
        {
            plan["ReportDeliveryChannel"]!.ToJsonString().Should().Be($$"""{"S3BucketName":{"Ref":"{{evidenceBucket}}"},"S3KeyPrefix":"backup-reports","Formats":["CSV","JSON"]}""");
        }

        foreach (var compliance in plans.Where(p => p["ReportSetting"]!["ReportTemplate"]!.GetValue<string>().Contains("COMPLIANCE", StringComparison.Ordinal)))
        {
            compliance["ReportSetting"]!["FrameworkArns"]!.AsArray().Should().HaveCount(4);
        }
    }

    [Fact]
    public void EvidenceBucket_IsKmsEncryptedVersionedLockedInComplianceModeAndAccessLogged()
    {
        var (_, template) = AuditTestStacks.Facade(new AuditOptions { EvidenceRetention = TimeSpan.FromDays(5 * 365) });

        template.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["ObjectLockEnabled"] = true,
            ["ObjectLockConfiguration"] = new Dictionary<string, object>
            {
                ["ObjectLockEnabled"] = "Enabled",
                ["Rule"] = new Dictionary<string, object> { ["DefaultRetention"] = new Dictionary<string, object> { ["Mode"] = "COMPLIANCE", ["Days"] = 1825 } },
            },
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
            ["BucketEncryption"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = new[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ServerSideEncryptionByDefault"] = Match.ObjectLike(new Dictionary<string, object> { ["SSEAlgorithm"] = "aws:kms", ["KMSMasterKeyID"] = Match.AnyValue() }),
                    }),
                },
            }),
            ["LoggingConfiguration"] = new Dictionary<string, object>
            {
                ["DestinationBucketName"] = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("AccessLogs") }),
                ["LogFilePrefix"] = "evidence/",
            },
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
        });
        template.HasResource("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["ObjectLockEnabled"] = true }),
            ["DeletionPolicy"] = "Retain",
        });
    }

    [Fact]
    public void EvidenceBucket_Policy_IsTlsOnlyAndDeniesWritesByAnyoneButReportsTrailAndRegisteredWriters()
    {
        var (backup, template) = AuditTestStacks.Facade(new AuditOptions { EvidenceIndexCode = LambdaCode() });
        var policies = Json.ResourcesOfType(template, "AWS::S3::BucketPolicy")
            .Select(p => p["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()).ToList();
        var evidence = policies.Single(s => s.Any(x => x!["Sid"]?.GetValue<string>() == "DenyWritesByAnyoneElse"));

        evidence.Should().Contain(s => s!["Effect"]!.GetValue<string>() == "Deny" && s.ToJsonString().Contains("\"aws:SecureTransport\":\"false\"", StringComparison.Ordinal));
        var deny = evidence.Single(s => s!["Sid"]?.GetValue<string>() == "DenyWritesByAnyoneElse")!;
        deny["Action"]!.GetValue<string>().Should().Be("s3:PutObject");
        var allowedArns = deny["Condition"]!["ArnNotLike"]!["aws:PrincipalArn"]!.ToJsonString();
        allowedArns.Should().Contain("role/aws-service-role/reports.backup.amazonaws.com/AWSServiceRoleForBackupReports");
        allowedArns.Should().Contain("BackupAuditEvidenceIndexRole", "the evidence index writes its summaries");
        deny["Condition"]!["StringNotEqualsIfExists"]!["aws:PrincipalServiceName"]!.ToJsonString().Should().Be("""["cloudtrail.amazonaws.com"]""");
        evidence.Should().Contain(s => s!["Sid"] != null && s["Sid"]!.GetValue<string>() == "AllowBackupAuditManagerReports"
            && s["Condition"]!["StringEquals"]!["s3:x-amz-acl"]!.GetValue<string>() == "bucket-owner-full-control");
        backup.Audit!.Evidence.WriterServices.Should().Equal("cloudtrail.amazonaws.com");
    }

    [Fact]
    public void EvidenceBucket_AllowWriter_LetsTheDrillValidatorWriteUnderItsPrefixOnly()
    {
        var stack = TestStacks.NewStack();
        var backup = new EcommerceBackup(stack, "Backup", TestStacks.DemoProps() with { Audit = new AuditOptions() });
        var drillRole = new Amazon.CDK.AWS.IAM.Role(stack, "DrillRole", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("lambda.amazonaws.com") });

        backup.Audit!.Evidence.AllowWriter(drillRole, EvidenceLayout.DrillsPrefix);

        var statements = Json.ResourcesOfType(Template.FromStack(stack), "AWS::S3::BucketPolicy")
            .SelectMany(p => p["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray()).ToList();
        statements.Should().Contain(s => s!["Effect"]!.GetValue<string>() == "Allow" && s.ToJsonString().Contains("DrillRole", StringComparison.Ordinal)
            && s["Resource"]!.ToJsonString().Contains("/drills/*", StringComparison.Ordinal));
        statements.Single(s => s!["Sid"]?.GetValue<string>() == "DenyWritesByAnyoneElse")!["Condition"]!["ArnNotLike"]!.ToJsonString().Should().Contain("DrillRole");
    }

    [Fact]
    public void Trail_IsMultiRegionValidatedKmsEncrypted_AllManagementEventsIntoTheEvidenceBucket()
    {
        var (_, template) = AuditTestStacks.Facade();

        template.HasResourceProperties("AWS::CloudTrail::Trail", new Dictionary<string, object>
        {
            ["TrailName"] = "acme-backup-audit",
            ["IsMultiRegionTrail"] = true,
            ["EnableLogFileValidation"] = true,
            ["IncludeGlobalServiceEvents"] = true,
            ["KMSKeyId"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.AnyValue() }),
            ["S3KeyPrefix"] = "cloudtrail",
            ["S3BucketName"] = Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("BackupAuditEvidence") }),
            ["EventSelectors"] = new[] { new Dictionary<string, object> { ["IncludeManagementEvents"] = true, ["ReadWriteType"] = "All" } },
            ["CloudWatchLogsLogGroupArn"] = Match.AnyValue(),
        });
        var keyPolicy = Json.ResourcesOfType(template, "AWS::KMS::Key").Select(k => k["Properties"]!["KeyPolicy"]!.ToJsonString())
            .Single(p => p.Contains("AllowCloudTrailEncrypt", StringComparison.Ordinal));
        keyPolicy.Should().Contain("kms:EncryptionContext:aws:cloudtrail:arn");
    }

    [Fact]
    public void EvidenceIndex_DrillsOn_SharesTheValidatorsPackage()
    {
        var (backup, template) = AuditTestStacks.Facade(change: p => TestStacks.DemoPropsWithDrills() with { Audit = new AuditOptions() });

        var code = Json.ResourcesOfType(template, "AWS::Lambda::Function").Select(f => f["Properties"]!["Code"]!.ToJsonString()).Distinct().ToList();
        code.Should().ContainSingle("the validator and the evidence index run from one asset");
        backup.Audit!.EvidenceIndex.Should().NotBeNull();
        var index = Json.ResourcesOfType(template, "AWS::Lambda::Function").Single(f => f["Properties"]!["FunctionName"]!.GetValue<string>() == "acme-backup-evidence-index");
        index["Properties"]!["Environment"]!["Variables"]!["DRILL_REPORT_BUCKET"]!.ToJsonString().Should().Contain("BackupDrillsReports", "drill reports are read where the validator writes them");
        var policy = Json.ResourcesOfType(template, "AWS::IAM::ManagedPolicy").Select(p => p["Properties"]!.ToJsonString()).Single(p => p.Contains("Evidence index of store", StringComparison.Ordinal));
        policy.Should().Contain("/drills/*").And.Contain("BackupDrillsKey");
    }

    [Fact]
    public void ConfigRecorder_OnlyWhenAsked_RecordsTheBackupResourceTypes()
    {
        var (_, without) = AuditTestStacks.Facade();
        without.ResourceCountIs("AWS::Config::ConfigurationRecorder", 0);

        var (_, with) = AuditTestStacks.Facade(new AuditOptions { CreateConfigRecorder = true });
        with.ResourceCountIs("AWS::Config::ConfigurationRecorder", 1);
        with.ResourceCountIs("AWS::Config::DeliveryChannel", 1);
        AuditTestStacks.Single(with, "AWS::Config::ConfigurationRecorder")["RecordingGroup"]!["ResourceTypes"]!.AsArray()
            .Select(t => t!.GetValue<string>()).Should().Contain(["AWS::Backup::BackupPlan", "AWS::Backup::RecoveryPoint", "AWS::Config::ResourceCompliance"]);
        Json.ResourcesOfType(with, "AWS::Backup::Framework").Should().AllSatisfy(f => f["DependsOn"]!.ToJsonString().Should().Contain("BackupAuditRecorder"));
    }

    [Fact]
    public void EvidenceIndex_WithCode_MonthlyScheduledFunctionWithTheDocumentedHandler_WithoutCodeNone()
    {
        var (_, template) = AuditTestStacks.Facade(new AuditOptions { EvidenceIndexCode = LambdaCode() });

        template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Handler"] = "EcommerceBackupCdk.RestoreDrill::EcommerceBackupCdk.RestoreDrill.Evidence.EvidenceFunction::Handle",
            ["Runtime"] = "dotnet10",
            ["FunctionName"] = "acme-backup-evidence-index",
            ["ReservedConcurrentExecutions"] = 1,
        });
        template.HasResourceProperties("AWS::Events::Rule", new Dictionary<string, object> { ["ScheduleExpression"] = "cron(0 6 1 * ? *)" });
        var env = AuditTestStacks.Single(template, "AWS::Lambda::Function")["Environment"]!["Variables"]!;
        var tiers = System.Text.Json.Nodes.JsonNode.Parse(env["EVIDENCE_TIERS"]!.GetValue<string>())!;
        tiers["critical"]!["rpoSeconds"]!.GetValue<long>().Should().Be(300);
        tiers["critical"]!["rtoSeconds"]!.GetValue<long>().Should().Be(1800);
        env["EVIDENCE_FRAMEWORKS"]!.GetValue<string>().Should().Be("acme_backup_critical,acme_backup_standard,acme_backup_archive,acme_backup_vaults");

        var (_, none) = AuditTestStacks.Facade(change: p => p with { Drills = new EcommerceBackupCdk.Drills.DrillOptions { Enabled = false } });
        none.ResourceCountIs("AWS::Lambda::Function", 0);
    }

    private static Amazon.CDK.AWS.Lambda.AssetCode LambdaCode()
    {
        var dir = Path.Combine(Path.GetTempPath(), "evidence-index-test-asset");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "placeholder.txt"), "template assertions do not look inside the asset");
        return Amazon.CDK.AWS.Lambda.Code.FromAsset(dir);
    }
}
