using System.Text.Json.Nodes;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Monitoring;

public class TamperAlertsTests
{
    // The KMS developer guide's example CloudTrail entry for ScheduleKeyDeletion
    // (https://docs.aws.amazon.com/kms/latest/developerguide/ct-schedule-key-deletion.html), as EventBridge delivers it
    // (detail-type "AWS API Call via CloudTrail", the record under detail), with the key ARN set to the test stack's key.
    private static JsonObject KmsEvent(string requestKeyId, string? errorCode = null)
    {
        var detail = new JsonObject
        {
            ["eventVersion"] = "1.08",
            ["userIdentity"] = new JsonObject { ["type"] = "IAMUser", ["arn"] = "arn:aws:iam::111111111111:user/Alice", ["accountId"] = "111111111111" },
            ["eventTime"] = "2021-03-23T18:58:30Z",
            ["eventSource"] = "kms.amazonaws.com",
            ["eventName"] = "ScheduleKeyDeletion",
            ["awsRegion"] = "eu-central-1",
            ["sourceIPAddress"] = "192.0.2.0",
            ["userAgent"] = "AWS Internal",
            ["requestParameters"] = new JsonObject { ["pendingWindowInDays"] = 20, ["keyId"] = requestKeyId },
            ["readOnly"] = false,
            ["eventType"] = "AwsApiCall",
        };
        if (errorCode is not null)
        {
            detail["errorCode"] = errorCode;
        }

        return new JsonObject
        {
            ["version"] = "0", ["id"] = "1", ["detail-type"] = "AWS API Call via CloudTrail", ["source"] = "aws.kms",
            ["account"] = "111111111111", ["time"] = "2021-03-23T18:58:30Z", ["region"] = "eu-central-1", ["resources"] = new JsonArray(),
            ["detail"] = detail,
        };
    }

    private static (EcommerceBackup Backup, JsonObject Template) WithTamper(TamperAlertOptions? options = null)
    {
        var (_, backup, template) = TestStacks.Facade(TestStacks.DemoProps() with { TamperAlerts = options ?? new TamperAlertOptions() });
        return (backup, Json.Of(template));
    }

    private static JsonObject RuleNamed(JsonObject template, string name) =>
        Json.ResourcesOfTypeIn(template, "AWS::Events::Rule").Single(r => r["Properties"]!["Name"]?.GetValue<string>() == name);

    [Fact]
    public void TamperAlerts_OneCriticalRulePerWeakeningAction()
    {
        var (backup, template) = WithTamper();

        backup.Tamper!.Rules.Should().HaveCount(11);
        var names = Json.ResourcesOfTypeIn(template, "AWS::Events::Rule").Select(r => r["Properties"]!["Name"]?.GetValue<string>()).ToList();
        names.Should().Contain([
            "acme-tamper-vault-access-policy-critical", "acme-tamper-vault-lock-critical", "acme-tamper-recovery-points-critical",
            "acme-tamper-plans-critical", "acme-tamper-stopped-jobs-critical", "acme-tamper-vaults-and-holds-critical",
            "acme-tamper-vault-key-critical", "acme-tamper-trail-critical", "acme-tamper-dynamodb-pitr-critical",
            "acme-tamper-s3-versioning-critical", "acme-tamper-rds-retention-critical",
        ]);
        backup.Monitoring.Rules.Should().Contain(backup.Tamper.Rules, "the monitoring construct lists every rule");
    }

    [Fact]
    public void VaultKeyRule_ScheduledDeletionOfTheVaultKey_MatchesAndNamesWhoDidWhat()
    {
        var (backup, template) = WithTamper();
        var rule = RuleNamed(template, "acme-tamper-vault-key-critical");
        var pattern = rule["Properties"]!["EventPattern"]!.AsObject();
        var keys = pattern["detail"]!["requestParameters"]!["keyId"]!.AsArray();
        keys.Select(k => k!.ToJsonString()).Should().SatisfyRespectively(
            id => id.Should().Contain("\"Ref\"", "the rule watches the primary vault's own key by id"),
            arn => arn.Should().Contain("Fn::GetAtt", "and by ARN"));

        // Substitute the resolved key id and ARN into the pattern the way EventBridge sees it after deployment.
        const string keyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
        const string keyArn = "arn:aws:kms:eu-central-1:111111111111:key/" + keyId;
        pattern["detail"]!["requestParameters"]!["keyId"] = new JsonArray(keyId, keyArn);
        EventPatternMatcher.Matches(pattern, KmsEvent(keyId)).Should().BeTrue();
        EventPatternMatcher.Matches(pattern, KmsEvent(keyArn)).Should().BeTrue();
        EventPatternMatcher.Matches(pattern, KmsEvent(keyId, errorCode: "AccessDeniedException")).Should().BeTrue("denied attempts alert too");
        EventPatternMatcher.Matches(pattern, KmsEvent("0000aaaa-other-key")).Should().BeFalse();

        var message = InputTransformer.Render(rule["Properties"]!["Targets"]![0]!["InputTransformer"]!.AsObject(), KmsEvent(keyId));
        message.Should().Contain("[acme] TAMPER ALERT: someone scheduled the deletion of, or disabled, a vault's KMS key")
            .And.Contain("Who: arn:aws:iam::111111111111:user/Alice (account 111111111111)")
            .And.Contain("What: ScheduleKeyDeletion on kms.amazonaws.com")
            .And.Contain("from 192.0.2.0");
        _ = backup;
    }

    [Fact]
    public void DeniedAttemptsOff_PatternRequiresNoErrorCode()
    {
        var (_, template) = WithTamper(new TamperAlertOptions { IncludeDeniedAttempts = false });
        var pattern = RuleNamed(template, "acme-tamper-vault-key-critical")["Properties"]!["EventPattern"]!.AsObject();
        const string keyId = "k";
        pattern["detail"]!["requestParameters"]!["keyId"] = new JsonArray(keyId);

        EventPatternMatcher.Matches(pattern, KmsEvent(keyId)).Should().BeTrue();
        EventPatternMatcher.Matches(pattern, KmsEvent(keyId, errorCode: "AccessDeniedException")).Should().BeFalse();
    }

    [Fact]
    public void DataLayerRules_MatchOnlyTheWeakeningValue()
    {
        var (_, template) = WithTamper();
        var pitr = RuleNamed(template, "acme-tamper-dynamodb-pitr-critical")["Properties"]!["EventPattern"]!.AsObject();
        JsonObject Ddb(bool enabled) => new()
        {
            ["detail-type"] = "AWS API Call via CloudTrail", ["source"] = "aws.dynamodb",
            ["detail"] = new JsonObject
            {
                ["eventSource"] = "dynamodb.amazonaws.com", ["eventName"] = "UpdateContinuousBackups",
                ["requestParameters"] = new JsonObject
                {
                    ["tableName"] = "carts",
                    ["pointInTimeRecoverySpecification"] = new JsonObject { ["pointInTimeRecoveryEnabled"] = enabled },
                },
            },
        };
        EventPatternMatcher.Matches(pitr, Ddb(false)).Should().BeTrue();
        EventPatternMatcher.Matches(pitr, Ddb(true)).Should().BeFalse("turning PITR on is not tampering");

        var rds = RuleNamed(template, "acme-tamper-rds-retention-critical")["Properties"]!["EventPattern"]!["detail"]!["requestParameters"]!;
        var numeric = rds["backupRetentionPeriod"]![0]!["numeric"]!.AsArray();
        numeric[0]!.GetValue<string>().Should().Be("<");
        numeric[1]!.GetValue<int>().Should().Be(14, "the default guard-rails keep 14 days of PITR in every tier");
    }

    // A CloudTrail record as EventBridge delivers it: detail-type "AWS API Call via CloudTrail", the record under detail
    // (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html).
    private static JsonObject ApiCall(string source, string eventSource, string eventName, JsonObject requestParameters, string? errorCode = null)
    {
        var detail = new JsonObject
        {
            ["userIdentity"] = new JsonObject { ["type"] = "AssumedRole", ["arn"] = "arn:aws:sts::111111111111:assumed-role/admin/mallory", ["accountId"] = "111111111111" },
            ["eventSource"] = eventSource, ["eventName"] = eventName, ["requestParameters"] = requestParameters,
        };
        if (errorCode is not null)
        {
            detail["errorCode"] = errorCode;
            detail["errorMessage"] = "User is not authorized to perform this operation";
        }

        return new JsonObject { ["detail-type"] = "AWS API Call via CloudTrail", ["source"] = source, ["detail"] = detail };
    }

    [Fact]
    public void VaultKeyRule_DisableKeyDocumentedEntry_Matches()
    {
        var (_, template) = WithTamper();
        var pattern = RuleNamed(template, "acme-tamper-vault-key-critical")["Properties"]!["EventPattern"]!.AsObject();
        pattern["detail"]!["requestParameters"]!["keyId"] = new JsonArray("1234abcd-12ab-34cd-56ef-1234567890ab");

        // The KMS developer guide's DisableKey entry (https://docs.aws.amazon.com/kms/latest/developerguide/ct-disablekey.html).
        var disable = ApiCall("aws.kms", "kms.amazonaws.com", "DisableKey", new JsonObject { ["keyId"] = "1234abcd-12ab-34cd-56ef-1234567890ab" });
        EventPatternMatcher.Matches(pattern, disable).Should().BeTrue();
        EventPatternMatcher.Matches(pattern, ApiCall("aws.kms", "kms.amazonaws.com", "EnableKey", new JsonObject { ["keyId"] = "1234abcd-12ab-34cd-56ef-1234567890ab" }))
            .Should().BeFalse("enabling a key does not weaken the backups");
    }

    [Fact]
    public void RecoveryPointRule_DeniedDeletion_AlertsAndSaysItWasDenied()
    {
        var (_, template) = WithTamper();
        var rule = RuleNamed(template, "acme-tamper-recovery-points-critical");
        var pattern = rule["Properties"]!["EventPattern"]!.AsObject();
        var denied = ApiCall("aws.backup", "backup.amazonaws.com", "DeleteRecoveryPoint",
            new JsonObject { ["backupVaultName"] = "acme-primary", ["recoveryPointArn"] = "arn:aws:rds:eu-central-1:111111111111:snapshot:awsbackup:job-1" },
            errorCode: "AccessDeniedException");

        EventPatternMatcher.Matches(pattern, denied).Should().BeTrue("a denied attempt is the first sign of an insider or a stolen key");
        InputTransformer.Render(rule["Properties"]!["Targets"]![0]!["InputTransformer"]!.AsObject(), denied)
            .Should().Contain("Who: arn:aws:sts::111111111111:assumed-role/admin/mallory")
            .And.Contain("What: DeleteRecoveryPoint on backup.amazonaws.com")
            .And.Contain("Denied by AWS (empty = it succeeded): AccessDeniedException");
        EventPatternMatcher.Matches(pattern, ApiCall("aws.backup", "backup.amazonaws.com", "StartBackupJob", new JsonObject())).Should().BeFalse();
    }

    [Fact]
    public void VersioningRule_SuspendMatches_EnableDoesNot()
    {
        var (_, template) = WithTamper();
        var pattern = RuleNamed(template, "acme-tamper-s3-versioning-critical")["Properties"]!["EventPattern"]!.AsObject();

        // S3 records the XML body's element names, with the namespace attribute alongside.
        JsonObject Versioning(string status) => ApiCall("aws.s3", "s3.amazonaws.com", "PutBucketVersioning", new JsonObject
        {
            ["bucketName"] = "acme-invoices", ["versioning"] = "",
            ["VersioningConfiguration"] = new JsonObject { ["Status"] = status, ["xmlns"] = "http://s3.amazonaws.com/doc/2006-03-01/" },
        });
        EventPatternMatcher.Matches(pattern, Versioning("Suspended")).Should().BeTrue();
        EventPatternMatcher.Matches(pattern, Versioning("Enabled")).Should().BeFalse("enabling versioning is not tampering");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(13, true)]
    [InlineData(14, false)]
    [InlineData(35, false)]
    public void RetentionRule_LoweredBelowTheMinimum_MatchesWhetherRecordedAsNumberOrString(int days, bool expected)
    {
        var (_, template) = WithTamper();
        var pattern = RuleNamed(template, "acme-tamper-rds-retention-critical")["Properties"]!["EventPattern"]!.AsObject();
        JsonObject Modify(JsonNode value) => ApiCall("aws.rds", "rds.amazonaws.com", "ModifyDBCluster",
            new JsonObject { ["dBClusterIdentifier"] = "orders", ["backupRetentionPeriod"] = value });

        EventPatternMatcher.Matches(pattern, Modify(JsonValue.Create(days))).Should().Be(expected, "as a JSON number");
        EventPatternMatcher.Matches(pattern, Modify(JsonValue.Create(days.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Should().Be(expected, "as a string");
        EventPatternMatcher.Matches(pattern, ApiCall("aws.rds", "rds.amazonaws.com", "ModifyDBCluster", new JsonObject { ["dBClusterIdentifier"] = "orders" }))
            .Should().BeFalse("a modification that leaves the retention alone is not tampering");
    }

    [Fact]
    public void MalwareFoundRule_MatchesTheDocumentedThreatsFoundScanOnly_AndNamesTheRecoveryPoint()
    {
        var (_, _, template) = TestStacks.Facade(TestStacks.DemoProps() with { MalwareScanning = new MalwareScanOptions() });
        var rule = RuleNamed(Json.Of(template), "acme-malware-found-critical");
        var pattern = rule["Properties"]!["EventPattern"]!.AsObject();

        EventPatternMatcher.Matches(pattern, Samples.Load("scan-job-completed")).Should().BeTrue();
        foreach (var clean in new[] { "scan-job-running", "scan-job-completed-with-issues", "scan-job-failed", "backup-job-completed" })
        {
            EventPatternMatcher.Matches(pattern, Samples.Load(clean)).Should().BeFalse(clean);
        }

        var partial = Samples.Load("scan-job-completed-with-issues");
        partial["detail"]!["scanResult"]!["scanResultStatus"] = "THREATS_FOUND";
        EventPatternMatcher.Matches(pattern, partial).Should().BeTrue("a partly completed scan that found malware still alerts");

        InputTransformer.Render(rule["Properties"]!["Targets"]![0]!["InputTransformer"]!.AsObject(), Samples.Load("scan-job-completed"))
            .Should().Contain("Recovery point: arn:aws:backup:us-west-2:1112233445566:recovery-point:abcd1234-5678-abcd-9012-abcdef123456")
            .And.Contain("Resource: arn:aws:ec2:us-west-2:1112233445566:instance/i-0515aee7de03f58e1 (EC2)")
            .And.Contain("Scan job: 4d5fc12e-7e33-4336-a981-bbe43c300298 in vault 9ab3e749-82c6-4342-9320-5edbf4918b86");
    }

    [Fact]
    public void MalwareScanning_AddsTheMalwareFoundRule()
    {
        var (_, backup, template) = TestStacks.Facade(TestStacks.DemoProps() with { MalwareScanning = new MalwareScanOptions() });
        var rule = RuleNamed(Json.Of(template), "acme-malware-found-critical");

        rule["Properties"]!["EventPattern"]!.ToJsonString().Should().Be(
            """{"detail":{"scanResult":{"scanResultStatus":["THREATS_FOUND"]}},"detail-type":["Scan Job State Change"],"source":["aws.backup"]}""");
        backup.Monitoring.Rules.Should().Contain(backup.MalwareFoundRule!);
    }
}
