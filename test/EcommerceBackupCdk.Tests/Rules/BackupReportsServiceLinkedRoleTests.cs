using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Rules;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Rules;

public class BackupReportsServiceLinkedRoleTests
{
    private const string RoleArn = "arn:aws:iam::111111111111:role/aws-service-role/reports.backup.amazonaws.com/AWSServiceRoleForBackupReports";

    // arn:${AWS::Partition}:iam::111111111111:role/aws-service-role/reports.backup.amazonaws.com/AWSServiceRoleForBackupReports
    private static readonly Matcher ReportsRolePrincipal = Match.ObjectLike(new Dictionary<string, object>
    {
        ["AWS"] = Match.ObjectLike(new Dictionary<string, object>
        {
            ["Fn::Join"] = Match.ArrayWith([Match.ArrayWith([Match.StringLikeRegexp(":iam::111111111111:role/aws-service-role/reports\\.backup\\.amazonaws\\.com/AWSServiceRoleForBackupReports$")])]),
        }),
    });

    [Fact]
    public void Check_RootPrincipalWithPrincipalArnCondition_FailsForBucketAndKey()
    {
        // The shape shipped before issue 10: the account root as principal, the reports role only in a condition.
        var stack = TestStacks.NewStack();
        var key = new Key(stack, "Key");
        var bucket = new Bucket(stack, "Evidence", new BucketProps { EncryptionKey = key, Encryption = BucketEncryption.KMS });
        var condition = new Dictionary<string, object> { ["ArnEquals"] = new Dictionary<string, object> { ["aws:PrincipalArn"] = RoleArn } };
        bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [new AccountRootPrincipal()], Actions = ["s3:PutObject"], Resources = [bucket.ArnForObjects("backup-reports/*")], Conditions = condition,
        }));
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [new AccountRootPrincipal()], Actions = ["kms:GenerateDataKey", "kms:Decrypt"], Resources = ["*"], Conditions = condition,
        }));
        _ = new CfnReportPlan(stack, "Plan", new CfnReportPlanProps
        {
            ReportDeliveryChannel = new Dictionary<string, object> { ["S3BucketName"] = bucket.BucketName },
            ReportSetting = new Dictionary<string, object> { ["ReportTemplate"] = "BACKUP_JOB_REPORT" },
        });

        var error = RuleHarness.SynthError(stack, new BackupReportsServiceLinkedRole());

        error.Should().Contain("BackupReportsServiceLinkedRole: Test/Evidence/Policy/Resource (AWS::S3::BucketPolicy) PolicyDocument.Statement: the bucket receives Backup Audit Manager reports but no Allow of s3:PutObject names the service-linked role AWSServiceRoleForBackupReports as principal (got [{\"AWS\":{\"Fn::Join\"")
            .And.Contain(":root\"]]}}]). Fix: allow s3:PutObject to arn:<partition>:iam::<account>:role/aws-service-role/reports.backup.amazonaws.com/AWSServiceRoleForBackupReports")
            .And.Contain("BackupReportsServiceLinkedRole: Test/Key/Resource (AWS::KMS::Key) KeyPolicy.Statement: the key encrypts bucket Test/Evidence/Resource, which receives Backup Audit Manager reports, but no Allow of kms:GenerateDataKey names the service-linked role");
    }

    [Fact]
    public void Check_EvidenceBucketWithReportPlans_PassesAndCreatesTheRoleFirst()
    {
        var stack = TestStacks.NewStack();
        var evidence = new EvidenceBucket(stack, "Evidence", new EvidenceBucketProps { StoreName = "acme" });
        _ = new AuditReportPlans(stack, "Reports", new AuditReportPlansProps { StoreName = "acme", Evidence = evidence, FrameworkArns = [] });

        RuleHarness.SynthError(stack, new BackupReportsServiceLinkedRole()).Should().BeNull();

        var template = Template.FromStack(stack);
        template.HasResourceProperties("AWS::IAM::ServiceLinkedRole", new Dictionary<string, object> { ["AWSServiceName"] = "reports.backup.amazonaws.com" });
        var roleId = (string)stack.Resolve(evidence.ReportsRole!.LogicalId);
        template.HasResource("AWS::KMS::Key", new Dictionary<string, object> { ["DependsOn"] = Match.ArrayWith([roleId]) });
        template.HasResource("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["DependsOn"] = Match.ArrayWith([roleId]),
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Sid"] = "AllowBackupAuditManagerReports",
                        ["Principal"] = ReportsRolePrincipal,
                    })]),
                }),
            }),
        });
    }

    [Fact]
    public void EvidenceBucket_RoleNotCreated_StillNamesTheRoleAndCreatesNoRole()
    {
        var stack = TestStacks.NewStack();
        _ = new EvidenceBucket(stack, "Evidence", new EvidenceBucketProps { StoreName = "acme", CreateReportsServiceLinkedRole = false });

        var template = Template.FromStack(stack);
        template.ResourceCountIs("AWS::IAM::ServiceLinkedRole", 0);
        template.HasResourceProperties("AWS::KMS::Key", Match.ObjectLike(new Dictionary<string, object>
        {
            ["KeyPolicy"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Sid"] = "AllowBackupAuditManagerReports",
                    ["Principal"] = ReportsRolePrincipal,
                })]),
            }),
        }));
    }
}
