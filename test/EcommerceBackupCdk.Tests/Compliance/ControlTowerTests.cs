using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.S3;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Tests.Compliance;

/// <summary>
/// AWS Control Tower proactive controls on the synthesized template: the guard suppressions the helper writes, the
/// controls met by default (CT.KMS.PR.3, CT.SQS.PR.1, CT.S3.PR.3/PR.6) and those <see cref="ControlTowerOptions.Strict"/>
/// adds. The gate itself (cfn-guard over the demo assembly) is tested in the app tests.
/// </summary>
public sealed class ControlTowerTests
{
    private const string Reason = "A reason a reviewer would accept, long enough.";

    [Fact]
    public void Add_ControlTowerId_WritesGuardMetadataWithReason()
    {
        var stack = TestStacks.NewStack();
        var bucket = new Bucket(stack, "B");

        NagSuppressions.Add(bucket, ("CT.S3.PR.9", Reason), ("AwsSolutions-S1", Reason));
        NagSuppressions.Add(bucket, ("CT.S3.PR.4", "Another reason, also long enough."));

        var metadata = Json.ResourcesOfType(Template.FromStack(stack), "AWS::S3::Bucket").Single()["Metadata"]!;
        metadata["guard"]!["SuppressedRules"]!.ToJsonString().Should().Be("""["CT.S3.PR.4","CT.S3.PR.9"]""");
        metadata["guard"]!["SuppressionReasons"]!["CT.S3.PR.9"]!.GetValue<string>().Should().Be(Reason);
        metadata["cdk_nag"]!["rules_to_suppress"]!.AsArray().Should().ContainSingle(r => r!["id"]!.GetValue<string>() == "AwsSolutions-S1");
    }

    [Theory]
    [InlineData("CT.S3.9", "is not a Control Tower proactive control id")]
    [InlineData("CT.S3.PV.1", "is not a Control Tower proactive control id")]
    public void Add_MalformedControlId_Throws(string id, string expected)
    {
        var stack = TestStacks.NewStack();
        var bucket = new Bucket(stack, "B");

        var act = () => NagSuppressions.Add(bucket, (id, Reason));

        act.Should().Throw<ArgumentException>().WithMessage($"*'{id}'*{expected}*");
    }

    [Fact]
    public void Add_ControlTowerIdWithoutReason_Throws()
    {
        var stack = TestStacks.NewStack();
        var bucket = new Bucket(stack, "B");

        var act = () => NagSuppressions.Add(bucket, ("CT.S3.PR.9", "too short"));

        act.Should().Throw<ArgumentException>().WithMessage("Control Tower suppression of CT.S3.PR.9*needs a real reason*");
    }

    [Fact]
    public void Facade_EveryKey_LetsOnlyAwsServicesCreateGrants()
    {
        var (_, _, template) = TestStacks.Facade(TestStacks.DemoPropsWithDrills());

        var keys = Json.ResourcesOfType(template, "AWS::KMS::Key").ToList();
        keys.Should().HaveCountGreaterThan(2);
        foreach (var key in keys)
        {
            var deny = key["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray().Single(s => s!["Sid"]?.GetValue<string>() == KmsGrantPolicy.Sid)!;
            deny["Effect"]!.GetValue<string>().Should().Be("Deny");
            deny["Action"]!.GetValue<string>().Should().Be("kms:CreateGrant");
            deny["Principal"]!.ToJsonString().Should().Be("""{"AWS":"*"}""");
            deny["Resource"]!.GetValue<string>().Should().Be("*");
            deny["Condition"]!.ToJsonString().Should().Be("""{"BoolIfExists":{"kms:GrantIsForAWSResource":"false","aws:PrincipalIsAWSService":"false"}}""");
        }
    }

    [Fact]
    public void Facade_DeadLetterQueue_IsMarkedAsOne()
    {
        var (_, _, template) = TestStacks.Facade(TestStacks.DemoPropsWithDrills());

        template.HasResourceProperties("AWS::SQS::Queue", new Dictionary<string, object>
        {
            ["RedriveAllowPolicy"] = new Dictionary<string, object> { ["redrivePermission"] = "allowAll" },
        });
    }

    [Fact]
    public void Facade_Default_SuppressesOptionalBucketControlsWithReasons()
    {
        var (_, _, template) = TestStacks.Facade(TestStacks.DemoPropsWithDrills() with { Audit = new AuditOptions() });

        var buckets = Json.ResourcesOfType(template, "AWS::S3::Bucket").ToList();
        buckets.Should().HaveCount(4);
        foreach (var bucket in buckets)
        {
            bucket["Properties"]!.AsObject().ContainsKey("NotificationConfiguration").Should().BeFalse();
            var guard = bucket["Metadata"]!["guard"]!;
            guard["SuppressedRules"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("CT.S3.PR.4");
            guard["SuppressionReasons"]!["CT.S3.PR.4"]!.GetValue<string>().Should().Contain("controlTower.strict");
        }

        Json.ResourcesOfType(template, "AWS::Lambda::Function").Should().OnlyContain(f =>
            f["Metadata"]!["guard"]!["SuppressedRules"]!.AsArray().Any(r => r!.GetValue<string>() == "CT.LAMBDA.PR.3"));
    }

    [Fact]
    public void Facade_Evidence_HasAnActiveLifecycleRule()
    {
        var (_, _, template) = TestStacks.Facade(TestStacks.DemoProps() with { Audit = new AuditOptions() });

        template.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["ObjectLockEnabled"] = true,
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Status"] = "Enabled",
                    ["AbortIncompleteMultipartUpload"] = new Dictionary<string, object> { ["DaysAfterInitiation"] = 1 },
                })]),
            },
        });
    }

    [Fact]
    public void Facade_Strict_MeetsOptionalControlsAndKeepsOnlyImpossibleSuppressions()
    {
        var stack = TestStacks.NewStack();
        var vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 0, SubnetConfiguration = [new SubnetConfiguration { Name = "private", SubnetType = SubnetType.PRIVATE_ISOLATED }] });
        var network = new ValidatorNetwork { Vpc = vpc, Subnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED } };
        var props = TestStacks.DemoPropsWithDrills() with
        {
            Audit = new AuditOptions(),
            Drills = TestStacks.DemoPropsWithDrills().Drills with { Network = network },
            ControlTower = new ControlTowerOptions { Strict = true },
        };

        _ = new EcommerceBackup(stack, "Backup", props);
        var template = Template.FromStack(stack);

        var buckets = Json.ResourcesOfType(template, "AWS::S3::Bucket").ToList();
        buckets.Should().OnlyContain(b => b["Properties"]!["NotificationConfiguration"]!["EventBridgeConfiguration"]!["EventBridgeEnabled"]!.GetValue<bool>());
        var logDestinations = buckets.Where(b => b["Properties"]!.AsObject().ContainsKey("LoggingConfiguration") == false).ToList();
        logDestinations.Should().HaveCount(2);
        buckets.Except(logDestinations).Should().OnlyContain(b => b["Properties"]!["ObjectLockEnabled"]!.GetValue<bool>());
        var suppressed = Json.Of(template)["Resources"]!.AsObject()
            .SelectMany(r => r.Value!["Metadata"]?["guard"]?["SuppressedRules"]?.AsArray().Select(x => x!.GetValue<string>()) ?? [])
            .Distinct()
            .Order();
        suppressed.Should().Equal("CT.S3.PR.10", "CT.S3.PR.2", "CT.S3.PR.9");
        Json.ResourcesOfType(template, "AWS::Lambda::Function").Should().OnlyContain(f => f["Properties"]!["VpcConfig"] != null);
    }

    [Fact]
    public void Facade_StrictWithoutNetwork_FailsNamingTheKey()
    {
        var stack = TestStacks.NewStack();

        var act = () => new EcommerceBackup(stack, "Backup", TestStacks.DemoPropsWithDrills() with { ControlTower = new ControlTowerOptions { Strict = true } });

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().ContainSingle(p =>
            p.StartsWith("controlTower.strict: needs drills.network", StringComparison.Ordinal) && p.Contains("CT.LAMBDA.PR.3"));
    }

    [Fact]
    public void ObjectLock_StandaloneConstructUnderStrictContext_TurnsItOn()
    {
        var stack = TestStacks.NewStack();
        stack.Node.SetContext(ControlTowerOptions.StrictContextKey, true);
        var bucket = new Bucket(stack, "B", new BucketProps { Versioned = true });

        ControlTowerControls.ObjectLock(bucket, Reason);

        Template.FromStack(stack).HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object> { ["ObjectLockEnabled"] = true });
        Json.ResourcesOfType(Template.FromStack(stack), "AWS::S3::Bucket").Single()["Metadata"]?["guard"].Should().BeNull();
    }
}
