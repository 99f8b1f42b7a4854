using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Stacks;

namespace EcommerceBackupCdk.App.Tests.Stacks;

public sealed class DemoStoreStackTests
{
    static DemoStoreStackTests() => System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "18,20");

    private static (Template Template, PrimaryBackupStack Primary, DemoStoreStack? Demo) Synth(bool demo = true)
    {
        var cdkJson = ConfigSource.FindCdkJson(AppContext.BaseDirectory)!;
        var json = JsonNode.Parse(File.ReadAllText(cdkJson))!["context"]!["ecommerceBackup"]!.AsObject();
        json["demoStore"]!["enabled"] = demo;
        var app = new Amazon.CDK.App();
        var (primary, _, _, store) = BackupApp.Build(app, ConfigReader.Read(json.ToJsonString()));
        app.Synth();
        return (store is null ? null! : Template.FromStack(store), primary, store);
    }

    private static JsonObject Props(Template template, string type) =>
        JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(template.FindResources(type)))!.AsObject().Single().Value!["Properties"]!.AsObject();

    [Fact]
    public void DemoSynth_GuardRails_TurnOnPitrVersioningLifecycleAndRetention()
    {
        var (template, _, _) = Synth();

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
    public void DemoSynth_Posture_ListsTheThreeEnrolledResources()
    {
        var (_, primary, _) = Synth();

        var report = primary.Backup.Posture();

        report.Resources.Where(r => r.Tier is not null).Select(r => r.Path).Should().BeEquivalentTo(
            "acme-demo-store/Orders/Resource", "acme-demo-store/Carts/Resource", "acme-demo-store/Media/Resource");
        report.EstimatedMonthlyCostUsd.Should().BeApproximately(282.19, 0.01);
    }

    [Fact]
    public void DemoStoreOff_NoDemoStack()
    {
        Synth(demo: false).Demo.Should().BeNull();
    }
}
