using System.Text.Json.Nodes;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Tests.Support;
using static EcommerceBackupCdk.Tests.Support.IamPolicyEvaluator;

namespace EcommerceBackupCdk.Tests.Drills;

/// <summary>
/// Both directions of the validator role's permissions, evaluated (not pattern-matched) against the synthesized policy:
/// it can change what a restore test created and nothing else. How AWS Backup names and tags what it restores:
/// DynamoDB tables (and S3 buckets) get "targetTableName (value set to random value starting with awsbackup-restore-test-)"
/// (https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing-inferred-metadata.html); RDS/Aurora copies have
/// no documented name and are recognised by the <c>awsbackup-restore-test</c> tag, the condition AWS's own
/// AWSServiceRolePolicyForBackupRestoreTesting deletes them under (<c>"Null": {"aws:ResourceTag/awsbackup-restore-test": "false"}</c>,
/// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceRolePolicyForBackupRestoreTesting.html).
/// </summary>
public sealed class DrillRolePermissionTests
{
    private static readonly Lazy<List<JsonObject>> Policy = new(() =>
    {
        var (_, _, template) = DrillFixture.Create();
        return Json.ResourcesOfTypeIn(Json.Of(template), "AWS::IAM::ManagedPolicy")
            .Where(p => p["Properties"]!["Description"]?.GetValue<string>().StartsWith("Restore drill validator", StringComparison.Ordinal) == true)
            .SelectMany(p => p["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))
            .ToList();
    });

    private const string Tag = "awsbackup-restore-test";
    private static readonly Dictionary<string, string> Restored = new() { [$"aws:ResourceTag/{Tag}"] = "restore-testing-plan" };
    private static readonly Dictionary<string, string> NewTagged = new() { [$"aws:RequestTag/{Tag}"] = "drill-flow" };
    private static string Rds(string kind, string name) => $"arn:aws:rds:{Region}:{Account}:{kind}:{name}";
    private static string Table(string name) => $"arn:aws:dynamodb:{Region}:{Account}:table/{name}";

    public static TheoryData<string, string, string, Dictionary<string, string>?, Decision> Cases => new()
    {
        // What the drill restored or created: allowed.
        { "temporary instance deleted", "rds:DeleteDBInstance", Rds("db", "orders-restored-1a2b-drill"), Restored, Decision.Allow },
        { "one-time password on restored cluster", "rds:ModifyDBCluster", Rds("cluster", "orders-restored-1a2b"), Restored, Decision.Allow },
        { "one-time password on restored instance", "rds:ModifyDBInstance", Rds("db", "catalog-restored-1a2b"), Restored, Decision.Allow },
        { "temporary instance added to restored cluster", "rds:CreateDBInstance", Rds("cluster", "orders-restored-1a2b"), Restored, Decision.Allow },
        { "temporary instance created tagged", "rds:CreateDBInstance", Rds("db", "orders-restored-1a2b-drill"), NewTagged, Decision.Allow },
        { "temporary instance tagged on creation", "rds:AddTagsToResource", Rds("db", "orders-restored-1a2b-drill"), NewTagged, Decision.Allow },
        { "restored table scanned", "dynamodb:Scan", Table("awsbackup-restore-test-7f3c"), null, Decision.Allow },
        { "restored bucket read", "s3:GetObject", "arn:aws:s3:::awsbackup-restore-test-9a1b/media/1.jpg", null, Decision.Allow },
        { "validation result recorded", "backup:PutRestoreValidationResult", "*", null, Decision.Allow },

        // Everything else: denied, explicitly wherever a grant elsewhere could otherwise allow it.
        { "production instance deleted", "rds:DeleteDBInstance", Rds("db", "orders-writer"), null, Decision.ExplicitDeny },
        { "production cluster password changed", "rds:ModifyDBCluster", Rds("cluster", "orders"), null, Decision.ExplicitDeny },
        { "instance added to production cluster", "rds:CreateDBInstance", Rds("cluster", "orders"), null, Decision.ExplicitDeny },
        { "untagged new instance", "rds:CreateDBInstance", Rds("db", "orders-restored-1a2b-drill"), null, Decision.ExplicitDeny },
        { "tagged new instance not named as temporary", "rds:CreateDBInstance", Rds("db", "sneaky"), NewTagged, Decision.ImplicitDeny },
        { "production instance tagged as restored", "rds:AddTagsToResource", Rds("db", "orders-writer"), NewTagged, Decision.ExplicitDeny },
        { "production instance rebooted", "rds:RebootDBInstance", Rds("db", "orders-writer"), null, Decision.ExplicitDeny },
        { "restored cluster deleted (AWS Backup's clean-up does that)", "rds:DeleteDBCluster", Rds("cluster", "orders-restored-1a2b"), Restored, Decision.ExplicitDeny },
        { "restored table deleted", "dynamodb:DeleteTable", Table("awsbackup-restore-test-7f3c"), null, Decision.ExplicitDeny },
        { "restored table written", "dynamodb:PutItem", Table("awsbackup-restore-test-7f3c"), null, Decision.ExplicitDeny },
        { "production table scanned", "dynamodb:Scan", Table("orders"), null, Decision.ImplicitDeny },
        { "production bucket read", "s3:GetObject", "arn:aws:s3:::acme-media/1.jpg", null, Decision.ImplicitDeny },
        { "object written outside reports", "s3:PutObject", "arn:aws:s3:::acme-media/1.jpg", null, Decision.ExplicitDeny },
        { "recovery point deleted", "backup:DeleteRecoveryPoint", "*", null, Decision.ExplicitDeny },
        { "secret overwritten", "secretsmanager:PutSecretValue", $"arn:aws:secretsmanager:{Region}:{Account}:secret:orders-AbCdEf", null, Decision.ExplicitDeny },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValidatorRole_Request_IsDecidedAsExpected(string why, string action, string resource, Dictionary<string, string>? context, Decision expected)
    {
        Evaluate(Policy.Value, new Request(action, resource, context)).Should().Be(expected, why);
    }

    [Fact]
    public void Evaluator_WithoutTheDenyStatements_WouldAllowChangingProduction()
    {
        // The denies carry the weight: drop them and a tag-conditioned allow no longer stops at production resources
        // once anything else grants it (modelled by an extra allow, as another attached policy would).
        var extraGrant = JsonNode.Parse("""{"Effect":"Allow","Action":"rds:*","Resource":"*"}""")!.AsObject();
        var withoutDenies = Policy.Value.Where(s => s["Effect"]!.GetValue<string>() == "Allow").Append(extraGrant).ToList();
        var withDenies = Policy.Value.Append(extraGrant).ToList();
        var request = new Request("rds:DeleteDBInstance", Rds("db", "orders-writer"));

        Evaluate(withoutDenies, request).Should().Be(Decision.Allow);
        Evaluate(withDenies, request).Should().Be(Decision.ExplicitDeny);
    }
}
