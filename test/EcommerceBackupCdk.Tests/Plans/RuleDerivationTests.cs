using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Tests.Plans;

/// <summary>
/// The derived rules per tier and family for the default targets (DESIGN §3), pinned rule by rule: name, local
/// retention, copies (destination and retention) and whether it is the continuous rule.
/// </summary>
public sealed class RuleDerivationTests
{
    private static readonly ProtectionOptions GuardRails = new();

    private static IEnumerable<(string Name, int Days, string Copies, bool Continuous)> Pinned(DerivedRuleSet set) =>
        set.Rules.Select(r => (r.Name, (int)r.Retention.TotalDays,
            string.Join(",", r.Copies.Select(c => $"{c.Destination}:{(int)c.Retention.TotalDays}")), r.Continuous));

    [Fact]
    public void Derive_CriticalDynamoDbWithGuardRails_PitrReplacesHourlyAndContinuous()
    {
        var set = RuleDerivation.Derive(TierName.Critical, BackupTargets.Defaults, ResourceFamily.DynamoDb, GuardRails);

        Pinned(set).Should().Equal(("Daily", 14, "DrRegion:35", false), ("Weekly", 14, "DrAccount:90", false));
        set.Dropped.Select(r => r.Name).Should().Equal("Hourly", "Continuous");
        set.Dropped[1].Reason.Should().Be("AWS Backup keeps no continuous recovery point for this type; DynamoDB point-in-time recovery (35d, guard-rails) gives the point-in-time recovery");
        set.Local.Should().Be(new LocalRecovery(TimeSpan.FromMinutes(5), "DynamoDB point-in-time recovery (35d, guard-rails)", TimeSpan.FromDays(35)));
        set.LongestLocalRetention.Should().Be(TimeSpan.FromDays(35), "PITR reaches back as far as the tier's longest local rule did");
    }

    [Theory]
    [InlineData(ResourceFamily.Relational)]
    [InlineData(ResourceFamily.S3)]
    public void Derive_CriticalContinuousFamilies_KeepContinuousAndCopyRules(ResourceFamily family)
    {
        var set = RuleDerivation.Derive(TierName.Critical, BackupTargets.Defaults, family, GuardRails);

        Pinned(set).Should().Equal(("Daily", 14, "DrRegion:35", false), ("Weekly", 14, "DrAccount:90", false), ("Continuous", 35, "", true));
        set.Dropped.Select(r => r.Name).Should().Equal("Hourly");
        set.Local.Source.Should().Be("AWS Backup continuous backup (35d)");
    }

    [Fact]
    public void Derive_CriticalOther_KeepsEveryRule()
    {
        var set = RuleDerivation.Derive(TierName.Critical, BackupTargets.Defaults, ResourceFamily.Other, GuardRails);

        set.SameAs(RuleDerivation.TierRules(BackupTargets.Defaults.Critical)).Should().BeTrue();
        set.Local.Should().Be(new LocalRecovery(TimeSpan.FromHours(1), "snapshot rule Hourly (every 1h)", null));
    }

    [Theory]
    [InlineData(TierName.Standard, ResourceFamily.DynamoDb, "DynamoDB point-in-time recovery (14d, guard-rails)")]
    [InlineData(TierName.Standard, ResourceFamily.Relational, "RDS/Aurora automated backups (14d, guard-rails)")]
    [InlineData(TierName.Standard, ResourceFamily.S3, "snapshot rule Daily (every 1d)")]
    [InlineData(TierName.Archive, ResourceFamily.DynamoDb, "DynamoDB point-in-time recovery (14d, guard-rails)")]
    public void Derive_StandardAndArchive_EveryRuleAddsRetentionOrACopy(TierName tier, ResourceFamily family, string source)
    {
        var set = RuleDerivation.Derive(tier, BackupTargets.Defaults, family, GuardRails);

        set.SameAs(RuleDerivation.TierRules(BackupTargets.Defaults[tier])).Should().BeTrue();
        set.Dropped.Should().BeEmpty();
        set.Local.Source.Should().Be(source);
    }

    [Fact]
    public void Derive_CriticalDynamoDbWithoutGuardRails_KeepsTheTiersRules()
    {
        var set = RuleDerivation.Derive(TierName.Critical, BackupTargets.Defaults, ResourceFamily.DynamoDb, null);

        set.SameAs(RuleDerivation.TierRules(BackupTargets.Defaults.Critical)).Should().BeTrue();
        set.Local.WorstCaseRpo.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Derive_RuleKeptLongerThanPitrWindow_StaysUnchanged()
    {
        // A 60-day daily rule outlives the 35-day PITR window: it adds retention, so it stays whole.
        var targets = BackupTargets.Defaults with
        {
            Critical = TierDefaults.Critical with
            {
                Rules = [TierDefaults.Critical.Rules[0], TierDefaults.Critical.Rules[1] with { Retention = TimeSpan.FromDays(60) }],
            },
        };

        var set = RuleDerivation.Derive(TierName.Critical, targets, ResourceFamily.DynamoDb, GuardRails);

        Pinned(set).Should().Equal(("Daily", 60, "DrRegion:35", false));
        set.Rules.Single().Reason.Should().StartWith("keeps points 60d, beyond the 35d");
    }

    [Theory]
    [InlineData("AWS::DynamoDB::Table", ResourceFamily.DynamoDb)]
    [InlineData("AWS::DynamoDB::GlobalTable", ResourceFamily.DynamoDb)]
    [InlineData("AWS::RDS::DBCluster", ResourceFamily.Relational)]
    [InlineData("AWS::RDS::DBInstance", ResourceFamily.Relational)]
    [InlineData("AWS::S3::Bucket", ResourceFamily.S3)]
    [InlineData("AWS::EFS::FileSystem", ResourceFamily.Other)]
    [InlineData("AWS::EC2::Volume", ResourceFamily.Other)]
    public void Of_CloudFormationType_IsItsFamily(string type, ResourceFamily family) => ResourceFamilies.Of(type).Should().Be(family);
}
