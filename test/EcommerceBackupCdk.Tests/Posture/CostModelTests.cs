using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Posture;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Tests.Posture;

/// <summary>The cost model on hand-computed cases the demo does not cover.</summary>
public sealed class CostModelTests
{
    private static readonly IReadOnlyList<DerivedRule> CriticalDynamoDb =
        RuleDerivation.Derive(TierName.Critical, BackupTargets.Defaults, ResourceFamily.DynamoDb, new EcommerceBackupCdk.Protection.ProtectionOptions()).Rules;

    [Fact]
    public void Estimate_DrAccountDestinationAirGapped_OneCopyPricedAsAirGapped()
    {
        // The air-gapped vault replaces the DR-account vault as the weekly copy's destination: one copy, not two.
        var lines = CostModel.Estimate(new CostModel.Inputs("AWS::DynamoDB::Table", 5, 0.02, CriticalDynamoDb, true, false, null,
            new HashSet<CopyDestination> { CopyDestination.DrAccount }));

        lines.Select(l => l.Item).Should().Equal("primary vault warm storage", "DR-region vault warm storage", "DR-region vault cross-region transfer",
            "air-gapped vault warm storage", "point-in-time recovery");
        var airGapped = lines.Single(l => l.Item == "air-gapped vault warm storage");
        airGapped.Quantity.Should().Be(Math.Round(5 * 90 / 7.0, 2));                            // 64.29 GB-month: 12.86 weekly copies of 5 GB
        airGapped.UnitPriceUsd.Should().Be(PriceTable.AirGappedStorage["AWS::DynamoDB::Table"].WarmPerGbMonth);
    }

    [Fact]
    public void Estimate_DrAccountInAnotherRegion_AddsTransferForTheCopies()
    {
        var lines = CostModel.Estimate(new CostModel.Inputs("AWS::DynamoDB::Table", 5, 0.02, CriticalDynamoDb, true, true, null, new HashSet<CopyDestination>()));

        // Full copies: every weekly copy moves the whole table, 30/7 a month.
        lines.Single(l => l.Item == "DR-account vault cross-region transfer").Quantity.Should().Be(Math.Round(5 * 30 / 7.0, 2));
    }

    [Fact]
    public void Estimate_TieringOnNonS3_Ignored()
    {
        var relational = RuleDerivation.TierRules(BackupTargets.Defaults.Standard);

        var lines = CostModel.Estimate(new CostModel.Inputs("AWS::RDS::DBCluster", 50, 0.02, relational, false, false, TimeSpan.FromDays(60), new HashSet<CopyDestination>()));

        lines.Should().NotContain(l => l.Item.Contains("low-cost", StringComparison.Ordinal), "tiering is limited to S3 backups");
        lines[0].Should().Be(new CostLine("primary vault warm storage", 140, 0.021, 2.94));   // 50 × (1 + 0.02 × 90)
    }

    [Fact]
    public void Estimate_ArchiveDynamoDb_ColdAfter90DaysWhereSupported()
    {
        // Monthly full copies kept 7 years, cold after 90 days: warm 90/31 points, cold (2555 − 90)/31 points of 5 GB.
        var archive = RuleDerivation.TierRules(BackupTargets.Defaults.Archive);

        var lines = CostModel.Estimate(new CostModel.Inputs("AWS::DynamoDB::Table", 5, 0.02, archive, false, false, null, new HashSet<CopyDestination>()));

        lines.Single(l => l.Item == "primary vault warm storage").Quantity.Should().Be(Math.Round(5 * 90 / 31.0, 2));
        lines.Single(l => l.Item == "primary vault cold storage").Quantity.Should().Be(Math.Round(5 * 2465 / 31.0, 2));
    }
}
