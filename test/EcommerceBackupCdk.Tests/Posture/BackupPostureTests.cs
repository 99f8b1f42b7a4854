using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.S3;
using EcommerceBackupCdk.Posture;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Tests.Posture;

/// <summary>
/// The demo config (cdk.json: defaults, DR region eu-west-1, DR account 222222222222) with the demo store's three
/// resources: orders (Aurora, critical, 50 GiB), carts (DynamoDB, critical, 5 GiB), media (S3, standard, 200 GiB),
/// daily change rate 2%. Every expected number is worked out by hand below from DESIGN §3 and PriceTable (2025-11).
/// </summary>
public sealed class BackupPostureTests
{
    private static PostureReport DemoReport(Action<EcommerceBackup>? configure = null)
    {
        var stack = TestStacks.NewStack();
        var backup = new EcommerceBackup(stack, "Backup", TestStacks.DemoProps());
        configure?.Invoke(backup);
        var key = new Key(stack, "DataKey");
        var orders = new CfnDBCluster(stack, "Orders", new CfnDBClusterProps
        {
            Engine = "aurora-mysql", MasterUsername = "admin", ManageMasterUserPassword = true, StorageEncrypted = true, KmsKeyId = key.KeyArn,
        });
        var carts = new Table(stack, "Carts", new TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING } });
        var media = new Bucket(stack, "Media");
        var logs = new Bucket(stack, "Logs");
        Amazon.CDK.Tags.Of(orders).Add(TagContract.TierKey, "critical");
        Amazon.CDK.Tags.Of(carts).Add(TagContract.TierKey, "critical");
        Amazon.CDK.Tags.Of(media).Add(TagContract.TierKey, "standard");
        Amazon.CDK.Tags.Of(logs).Add(TagContract.ExcludeKey, "true");
        Amazon.CDK.Tags.Of(logs).Add(TagContract.ExclusionReasonKey, "access logs");
        DeclaredDataSize.Set(orders, 50);
        DeclaredDataSize.Set(carts, 5);
        DeclaredDataSize.Set(media, 200);
        Template.FromStack(stack);
        return backup.Posture();
    }

    private static ResourcePosture Resource(PostureReport report, string id) => report.Resources.Single(r => r.Path.StartsWith($"Test/{id}", StringComparison.Ordinal));

    [Fact]
    public void Build_DemoConfig_OrdersCostMatchesHandComputation()
    {
        // Aurora is incremental: a vault holds S × (1 + c × longest days); price $0.021/GB-month.
        var primary = 50 * (1 + 0.02 * 35) * 0.021;      // 85 GB: hourly 14d, daily 35d, weekly 35d -> 35 days
        var drRegion = 50 * (1 + 0.02 * 35) * 0.021;     // daily copies kept 35d
        var drRegionTransfer = 50 * 0.02 * 30 * 0.02;    // a month of changes, $0.02/GB
        var drAccount = 50 * (1 + 0.02 * 90) * 0.021;    // weekly copies kept 90d; same region, no transfer
        var continuous = 50 * 0.02 * 35 * 0.021;         // 35 days of changes
        var orders = Resource(DemoReport(), "Orders");

        orders.EstimatedMonthlyCostUsd.Should().BeApproximately(primary + drRegion + drRegionTransfer + drAccount + continuous, 0.03); // 7.845
        orders.Cost.Select(c => c.Item).Should().Equal("primary vault warm storage", "DR-region vault warm storage", "DR-region vault cross-region transfer",
            "DR-account vault warm storage", "continuous backup");
        orders.Cost[0].Quantity.Should().Be(85);
    }

    [Fact]
    public void Build_DemoConfig_CartsCostMatchesHandComputation()
    {
        // DynamoDB backups are full copies: 336 hourly + 35 daily + 5 weekly points of 5 GB at $0.10.
        var primary = 5 * (14 * 24 + 35 + 35 / 7.0) * 0.10;   // 188.00
        var drRegion = 5 * 35 * 0.10;                          // 17.50
        var transfer = 5 * 30 * 0.02;                          // 3.00: 30 daily copies a month
        var drAccount = 5 * (90 / 7.0) * 0.10;                 // 6.43
        var pitr = 5 * 0.20;                                   // 1.00
        var carts = Resource(DemoReport(), "Carts");

        carts.EstimatedMonthlyCostUsd.Should().BeApproximately(primary + drRegion + transfer + drAccount + pitr, 0.03); // 215.93
    }

    [Fact]
    public void Build_DemoConfig_TotalsAndRposMatchHandComputation()
    {
        var media = 200 * (1 + 0.02 * 90) * 0.05 * 2 + 200 * 0.02 * 30 * 0.02;   // 28 + 28 + 2.40
        var report = DemoReport();

        Resource(report, "Media").EstimatedMonthlyCostUsd.Should().BeApproximately(media, 0.01);
        report.EstimatedMonthlyCostUsd.Should().BeApproximately(7.845 + 215.93 + 58.40, 0.05);
        report.Tiers.Single(t => t.Tier == TierName.Critical).EstimatedMonthlyCostUsd.Should().BeApproximately(7.845 + 215.93, 0.04);

        var orders = Resource(report, "Orders");
        orders.WorstCaseRpo.Should().Be(TimeSpan.FromMinutes(5));
        orders.Destinations.Select(d => (d.Destination, d.Region, d.Account, d.WorstCaseRpo)).Should().Equal(
            (CopyDestination.DrRegion, "eu-west-1", "111111111111", TimeSpan.FromDays(1)),
            (CopyDestination.DrAccount, "eu-central-1", "222222222222", TimeSpan.FromDays(7)));
        var mediaPosture = Resource(report, "Media");
        mediaPosture.WorstCaseRpo.Should().Be(TimeSpan.FromDays(1), "the standard tier has no continuous backup");
        mediaPosture.Destinations.Single().WorstCaseRpo.Should().Be(TimeSpan.FromDays(7));
        mediaPosture.Retention.Should().Be(TimeSpan.FromDays(90));
        Resource(report, "Logs").Should().Match<ResourcePosture>(r => r.Excluded && r.ExclusionReason == "access logs" && r.EstimatedMonthlyCostUsd == null);
    }

    [Fact]
    public void Build_DemoConfig_VaultImmutabilityFollowsTheRules()
    {
        var vaults = DemoReport().Vaults;

        vaults.Select(v => (v.Role, v.LockMode, v.MinRetention, v.MaxRetention)).Should().Equal(
            (VaultRole.Primary, VaultLockMode.Governance, TimeSpan.FromDays(7), TimeSpan.FromDays(2555)),
            (VaultRole.DrRegion, VaultLockMode.Governance, TimeSpan.FromDays(7), TimeSpan.FromDays(90)),
            (VaultRole.DrAccount, VaultLockMode.Governance, TimeSpan.FromDays(7), TimeSpan.FromDays(2555)));
    }

    [Fact]
    public void Build_DrillCoverageMarked_ShowsPerTierAndResourceType()
    {
        var report = DemoReport(b => b.DrillCoverage.Cover(TierName.Critical, "AWS::DynamoDB::Table"));

        Resource(report, "Carts").DrillCovered.Should().BeTrue();
        Resource(report, "Orders").DrillCovered.Should().BeFalse();
        report.Tiers.Select(t => t.DrillCovered).Should().Equal(true, false, false);
    }

    [Fact]
    public void Build_FacadeWithDrills_MarksTheDrilledTiersResourceTypes()
    {
        var stack = TestStacks.NewStack();
        var backup = new EcommerceBackup(stack, "Backup", TestStacks.DemoPropsWithDrills() with
        {
            Drills = TestStacks.DemoPropsWithDrills().Drills with { ResourceTypes = [EcommerceBackupCdk.Drills.DrillResourceType.DynamoDb] },
        });
        var carts = new Table(stack, "Carts", new TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING } });
        var media = new Bucket(stack, "Media");
        Amazon.CDK.Tags.Of(carts).Add(TagContract.TierKey, "critical");
        Amazon.CDK.Tags.Of(media).Add(TagContract.TierKey, "critical");
        Template.FromStack(stack);

        var report = backup.Posture();

        Resource(report, "Carts").DrillCovered.Should().BeTrue();
        Resource(report, "Media").DrillCovered.Should().BeFalse("only DynamoDB is drilled");
        report.Tiers.Select(t => t.DrillCovered).Should().Equal(true, false, false);
    }

    [Fact]
    public void WriteTo_Directory_WritesJsonAndMarkdown()
    {
        var report = DemoReport();
        var dir = Directory.CreateTempSubdirectory("posture-").FullName;

        var (json, markdown) = report.WriteTo(dir);

        var parsed = JsonNode.Parse(File.ReadAllText(json))!;
        parsed["store"]!.GetValue<string>().Should().Be("acme");
        parsed["tiers"]![0]!["worstCaseRpo"]!.GetValue<string>().Should().Be("5m");
        parsed["tiers"]![0]!["destinations"]![0]!["worstCaseRpo"]!.GetValue<string>().Should().Be("1d");
        parsed["resources"]!.AsArray().Should().HaveCount(4);
        File.ReadAllText(markdown).Should().Contain("# Backup posture of `acme`").And.Contain("| critical | 5m | 5m |");
        report.Summary().Split('\n').Length.Should().BeLessThan(25, "the summary fits one screen");
    }
}
