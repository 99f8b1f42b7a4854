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
/// daily change rate 2%. Every expected number is worked out by hand below from DESIGN §3, the rules derived per family
/// (RuleDerivation) and PriceTable (2026-12); the naive plan applies every rule of a tier to every type.
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
        // Aurora is incremental: a vault holds S × (1 + c × longest days); price $0.021/GB-month. Its plan
        // (acme-critical-relational) keeps Daily and Weekly locally 14d (continuous backup covers 35d), copies unchanged.
        var primary = 50 * (1 + 0.02 * 14) * 0.021;      // 64 GB -> 1.344
        var drRegion = 50 * (1 + 0.02 * 35) * 0.021;     // daily copies kept 35d: 85 GB -> 1.785
        var drRegionTransfer = 50 * 0.02 * 30 * 0.02;    // a month of changes, $0.02/GB -> 0.60
        var drAccount = 50 * (1 + 0.02 * 90) * 0.021;    // weekly copies kept 90d; same region, no transfer: 140 GB -> 2.94
        var continuous = 50 * 0.02 * 35 * 0.021;         // 35 days of changes -> 0.735
        var orders = Resource(DemoReport(), "Orders");

        orders.EstimatedMonthlyCostUsd.Should().BeApproximately(primary + drRegion + drRegionTransfer + drAccount + continuous, 0.02); // 7.41
        orders.Cost.Select(c => c.Item).Should().Equal("primary vault warm storage", "DR-region vault warm storage", "DR-region vault cross-region transfer",
            "DR-account vault warm storage", "continuous backup");
        orders.Cost[0].Quantity.Should().Be(64);
        orders.Plan.Should().Be("acme-critical-relational");
        orders.RpoSource.Should().Be("AWS Backup continuous backup (35d)");

        // Naive plan (every critical rule on Aurora): the primary vault holds 35 days of changes.
        orders.NaiveEstimatedMonthlyCostUsd.Should().BeApproximately(50 * (1 + 0.02 * 35) * 0.021 + drRegion + drRegionTransfer + drAccount + continuous, 0.02); // 7.86
    }

    [Fact]
    public void Build_DemoConfig_CartsCostMatchesHandComputation()
    {
        // DynamoDB backups are full copies. Its plan (acme-critical-dynamodb): PITR (35d) instead of hourly snapshots;
        // 14 daily + 2 weekly local points of 5 GB at $0.10; copies unchanged.
        var primary = 5 * (14 + 14 / 7.0) * 0.10;             // 8.00
        var drRegion = 5 * 35 * 0.10;                          // 17.50
        var transfer = 5 * 30 * 0.02;                          // 3.00: 30 daily copies a month
        var drAccount = 5 * (90 / 7.0) * 0.10;                 // 6.43
        var pitr = 5 * 0.20;                                   // 1.00
        var carts = Resource(DemoReport(), "Carts");

        carts.EstimatedMonthlyCostUsd.Should().BeApproximately(primary + drRegion + transfer + drAccount + pitr, 0.01); // 35.93
        carts.Plan.Should().Be("acme-critical-dynamodb");
        carts.RpoSource.Should().Be("DynamoDB point-in-time recovery (35d, guard-rails)");

        // Naive plan: 336 hourly + 35 daily + 5 weekly points in the primary vault.
        carts.NaiveEstimatedMonthlyCostUsd.Should().BeApproximately(5 * (14 * 24 + 35 + 35 / 7.0) * 0.10 + drRegion + transfer + drAccount + pitr, 0.01); // 215.93
    }

    [Fact]
    public void Build_DemoConfig_MediaTieredAfter60Days()
    {
        // S3, standard: daily 35d, weekly 90d + copy to the DR region 90d; S 200 GB, c 2%. Tiering after 60 days: warm
        // holds the last 60 days of changes (240 GB at $0.05), the low-cost tier the rest (200 × 1.6 = 320 GB at $0.035).
        var vault = 200 * 0.02 * 60 * 0.05 + 200 * (1 + 0.02 * 30) * 0.035;     // 12.00 + 11.20
        var transfer = 200 * 0.02 * 30 * 0.02;                                   // 2.40
        var media = Resource(DemoReport(), "Media");

        media.EstimatedMonthlyCostUsd.Should().BeApproximately(2 * vault + transfer, 0.01); // 48.80
        media.Cost.Select(c => (c.Item, c.Quantity)).Should().Equal(
            ("primary vault warm storage", 240), ("primary vault low-cost warm storage (tiering after 60d)", 320),
            ("DR-region vault warm storage", 240), ("DR-region vault low-cost warm storage (tiering after 60d)", 320),
            ("DR-region vault cross-region transfer", 120));
        media.NaiveEstimatedMonthlyCostUsd.Should().BeApproximately(200 * (1 + 0.02 * 90) * 0.05 * 2 + transfer, 0.01); // 58.40
        media.Plan.Should().Be("acme-standard");
    }

    [Fact]
    public void Build_DemoConfig_TotalsUnder100AndNaiveBeside()
    {
        var report = DemoReport();

        report.EstimatedMonthlyCostUsd.Should().BeApproximately(7.41 + 35.93 + 48.80, 0.005).And.BeLessThanOrEqualTo(100); // 92.14
        report.NaiveEstimatedMonthlyCostUsd.Should().BeApproximately(7.86 + 215.93 + 58.40, 0.005); // 282.19
        report.Tiers.Single(t => t.Tier == TierName.Critical).EstimatedMonthlyCostUsd.Should().BeApproximately(7.41 + 35.93, 0.005);
        report.Tiers.Single(t => t.Tier == TierName.Critical).NaiveEstimatedMonthlyCostUsd.Should().BeApproximately(7.86 + 215.93, 0.005);
        report.FamilyRules.Select(f => (f.Tier, f.Family)).Should().Equal(
            (TierName.Critical, ResourceFamily.DynamoDb), (TierName.Critical, ResourceFamily.Relational), (TierName.Critical, ResourceFamily.S3));
    }

    [Fact]
    public void Build_DemoConfig_RpoAndRetentionNoWorseThanOnePlanPerTier()
    {
        // Targets kept: critical 5m local, 1d DR region, 7d DR account; standard 1d local, 7d DR region; longest
        // retention per resource as under one plan per tier (critical 35d locally, standard 90d).
        var report = DemoReport();

        foreach (var id in new[] { "Orders", "Carts" })
        {
            var r = Resource(report, id);
            r.WorstCaseRpo.Should().Be(TimeSpan.FromMinutes(5));
            r.Retention.Should().Be(TimeSpan.FromDays(35));
            r.Destinations.Select(d => (d.Destination, d.Region, d.Account, d.WorstCaseRpo, d.LongestRetention)).Should().Equal(
                (CopyDestination.DrRegion, "eu-west-1", "111111111111", TimeSpan.FromDays(1), TimeSpan.FromDays(35)),
                (CopyDestination.DrAccount, "eu-central-1", "222222222222", TimeSpan.FromDays(7), TimeSpan.FromDays(90)));
        }

        var media = Resource(report, "Media");
        media.WorstCaseRpo.Should().Be(TimeSpan.FromDays(1), "the standard tier has no continuous backup");
        media.RpoSource.Should().Be("snapshot rule Daily (every 1d)");
        media.Destinations.Single().Should().Match<DestinationPosture>(d => d.WorstCaseRpo == TimeSpan.FromDays(7) && d.LongestRetention == TimeSpan.FromDays(90));
        media.Retention.Should().Be(TimeSpan.FromDays(90));
        Resource(report, "Logs").Should().Match<ResourcePosture>(r => r.Excluded && r.ExclusionReason == "access logs" && r.EstimatedMonthlyCostUsd == null);
    }

    [Fact]
    public void Build_TieringOff_MediaPricedAllWarm()
    {
        var stackProps = TestStacks.DemoProps() with { S3BackupTiering = null };
        var stack = TestStacks.NewStack();
        var backup = new EcommerceBackup(stack, "Backup", stackProps);
        var media = new Bucket(stack, "Media");
        Amazon.CDK.Tags.Of(media).Add(TagContract.TierKey, "standard");
        DeclaredDataSize.Set(media, 200);
        Template.FromStack(stack);

        Resource(backup.Posture(), "Media").EstimatedMonthlyCostUsd.Should().BeApproximately(58.40, 0.005);
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
    public void Posture_BeforeSynth_RefusesNamingTheFix()
    {
        var stack = TestStacks.NewStack();
        var backup = new EcommerceBackup(stack, "Backup", TestStacks.DemoProps());
        var carts = new Table(stack, "Carts", new TableProps { PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = "id", Type = AttributeType.STRING } });
        Amazon.CDK.Tags.Of(carts).Add(TagContract.TierKey, "critical");

        var act = () => backup.Posture();

        act.Should().Throw<InvalidOperationException>().WithMessage(
            "The posture report of 'Test/Backup' needs a synthesized app: call app.Synth() (or Template.FromStack) before Posture(), because CDK applies the tier tags and the guard-rails during synthesis.");
        Template.FromStack(stack);
        Resource(backup.Posture(), "Carts").Tier.Should().Be(TierName.Critical, "after synthesis the same call reports");
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
        File.ReadAllText(markdown).Should().Contain("# Backup posture of `acme`").And.Contain("| critical | 5m | 5m |")
            .And.Contain("naive plan): $282.19/month; rules derived per resource family save $190.05/month")
            .And.Contain("| critical | DynamoDb | DynamoDB point-in-time recovery (35d, guard-rails) | Hourly | dropped |");
        parsed["naiveEstimatedMonthlyCostUsd"]!.GetValue<double>().Should().Be(282.19);
        report.Summary().Split('\n').Length.Should().BeLessThan(25, "the summary fits one screen");
    }
}
