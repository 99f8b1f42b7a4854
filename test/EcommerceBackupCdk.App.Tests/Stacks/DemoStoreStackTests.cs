using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Stacks;
using EcommerceBackupCdk.App.Tests.Support;

namespace EcommerceBackupCdk.App.Tests.Stacks;

public sealed class DemoStoreStackTests
{
    // The demo config has the demo store on: its synthesis is the one DemoApp already made.
    private static (Template Template, PrimaryBackupStack Primary) Synth() => (DemoApp.Templates["acme-demo-store"], DemoApp.Primary);

    private static JsonObject Props(Template template, string type) =>
        JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(template.FindResources(type)))!.AsObject().Single().Value!["Properties"]!.AsObject();

    [Fact]
    public void DemoSynth_GuardRails_TurnOnPitrVersioningLifecycleAndRetention()
    {
        var (template, _) = Synth();

        var pitr = Props(template, "AWS::DynamoDB::Table")["PointInTimeRecoverySpecification"]!;
        pitr["PointInTimeRecoveryEnabled"]!.GetValue<bool>().Should().BeTrue();
        pitr["RecoveryPeriodInDays"]!.GetValue<double>().Should().Be(35);
        Props(template, "AWS::RDS::DBCluster")["BackupRetentionPeriod"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(14).And.Be(35);
        var buckets = JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(template.FindResources("AWS::S3::Bucket")))!.AsObject();
        var media = buckets.Single(b => b.Key.StartsWith("Media", StringComparison.Ordinal)).Value!["Properties"]!;
        media["VersioningConfiguration"]!["Status"]!.GetValue<string>().Should().Be("Enabled");
        var transition = media["LifecycleConfiguration"]!["Rules"]![0]!["NoncurrentVersionTransitions"]![0]!;
        transition["StorageClass"]!.GetValue<string>().Should().Be("GLACIER_IR");
        transition["TransitionInDays"]!.GetValue<double>().Should().Be(30);
    }

    [Fact]
    public void DemoSynth_FlowLogBucketPolicy_OwnsTheLogDeliveryStatements()
    {
        // Issue 10 item 8: without these the service writes them itself and the next stack update removes them.
        var (template, _) = Synth();

        template.HasResourceProperties("AWS::S3::BucketPolicy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Sid"] = "AWSLogDeliveryWrite",
                        ["Principal"] = new Dictionary<string, object> { ["Service"] = "delivery.logs.amazonaws.com" },
                        ["Action"] = "s3:PutObject",
                        ["Condition"] = Match.ObjectLike(new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = "111111111111", ["s3:x-amz-acl"] = "bucket-owner-full-control" },
                        }),
                    }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Sid"] = "AWSLogDeliveryAclCheck",
                        ["Principal"] = new Dictionary<string, object> { ["Service"] = "delivery.logs.amazonaws.com" },
                        ["Action"] = new[] { "s3:GetBucketAcl", "s3:ListBucket" },
                    }),
                ]),
            }),
        }));
    }

    [Fact]
    public void DemoSynth_DataKey_IsSharedWithTheDrAccount()
    {
        // Issue 10 item 4: the orders cluster (critical tier, weekly copies to the DR account) keeps this key in its
        // recovery points, so the DR account must be able to use it.
        var (template, _) = Synth();

        template.HasResourceProperties("AWS::KMS::Key", Match.ObjectLike(new Dictionary<string, object>
        {
            ["KeyPolicy"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Sid"] = "AllowBackupCopiesTo222222222222",
                    ["Effect"] = "Allow",
                    ["Action"] = Match.ArrayWith(["kms:Decrypt", "kms:CreateGrant"]),
                })]),
            }),
        }));
    }

    [Fact]
    public void DemoSynth_EveryStack_PassesTheServiceRulePack()
    {
        // Synth would have failed otherwise; this names the findings if a rule starts failing on the demo.
        foreach (var stack in DemoApp.Primary.Node.Scope!.Node.Children.OfType<Amazon.CDK.Stack>())
        {
            EcommerceBackupCdk.Rules.ServiceRules.Findings(stack, EcommerceBackupCdk.Rules.ServiceRules.Default).Should().BeEmpty(stack.StackName);
        }
    }

    [Fact]
    public void DemoSynth_Posture_ListsTheThreeEnrolledResources()
    {
        var (_, primary) = Synth();

        var report = primary.Backup.Posture();

        report.Resources.Where(r => r.Tier is not null).Select(r => r.Path).Should().BeEquivalentTo(
            "acme-demo-store/Orders/Resource", "acme-demo-store/Carts/Resource", "acme-demo-store/Media/Resource");
        // Rules derived per family and S3 tiering (hand-computed in BackupPostureTests): orders 7.41, carts 35.93, media
        // 48.80; one plan per tier would cost 7.86 + 215.93 + 58.40.
        report.EstimatedMonthlyCostUsd.Should().BeApproximately(92.14, 0.01).And.BeLessThanOrEqualTo(100);
        report.NaiveEstimatedMonthlyCostUsd.Should().BeApproximately(282.19, 0.01);
        report.Resources.Where(r => r.Tier is not null).Select(r => (r.Path, r.EstimatedMonthlyCostUsd, r.NaiveEstimatedMonthlyCostUsd)).Should().BeEquivalentTo(new[]
        {
            ("acme-demo-store/Orders/Resource", (double?)7.41, (double?)7.86),
            ("acme-demo-store/Carts/Resource", (double?)35.93, (double?)215.93),
            ("acme-demo-store/Media/Resource", (double?)48.80, (double?)58.40),
        });
    }

    [Fact]
    public void DemoStoreOff_NoDemoStack()
    {
        var json = JsonNode.Parse(DemoApp.DemoConfigJson())!.AsObject();
        // Sizes would do nothing without the demo store, and are refused with it off.
        json["demoStore"] = new JsonObject { ["enabled"] = false };

        var (_, _, _, store) = BackupApp.Build(new Amazon.CDK.App(), ConfigReader.Read(json.ToJsonString()));

        store.Should().BeNull();
    }
}
