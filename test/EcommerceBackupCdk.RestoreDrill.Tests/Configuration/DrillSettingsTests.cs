using EcommerceBackupCdk.RestoreDrill.Configuration;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Configuration;

public sealed class DrillSettingsTests
{
    private static Dictionary<string, string> Minimal(params (string Name, string Value)[] extra)
    {
        var env = new Dictionary<string, string>
        {
            [DrillVariables.StoreName] = "acme",
            [DrillVariables.ReportBucket] = "acme-drill-reports",
            [DrillVariables.Region] = "eu-central-1",
        };
        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }

        return env;
    }

    [Fact]
    public void FromEnvironment_MinimalVariables_UsesTheDocumentedDefaults()
    {
        var settings = DrillSettings.FromEnvironment(Minimal());

        settings.Defaults.Tier.Should().Be(ContractTiers.Critical);
        settings.Defaults.SqlPreset.Should().Be(SqlPresets.WooCommerce);
        settings.Defaults.TimestampAttribute.Should().Be("createdAt");
        settings.Defaults.MinimumRecordCount.Should().Be(1);
        settings.DynamoDbScanSegments.Should().Be(4);
        settings.ValidationTimeout.Should().Be(TimeSpan.FromSeconds(600));
        settings.RestoreTestingPlanArns.Should().BeEmpty();
        settings.Tiers[ContractTiers.Critical].Should().Be(new TierTarget { RpoSeconds = 300, RtoSeconds = 1800 });
    }

    [Fact]
    public void FromEnvironment_EveryProblem_IsReportedAtOnceWithNameValueAndAllowed()
    {
        var env = new Dictionary<string, string>
        {
            [DrillVariables.StoreName] = "Acme Store",
            [DrillVariables.DefaultTier] = "gold",
            [DrillVariables.DynamoDbScanSegments] = "100",
            [DrillVariables.SqlPreset] = "shopify",
            [DrillVariables.TierTargets] = """{"critical":{"rpoSeconds":-5}}""",
            [DrillVariables.BackupEndpoint] = "ftp://x",
        };

        var act = () => DrillSettings.FromEnvironment(env);

        var error = act.Should().Throw<ConfigurationException>().Which;
        error.Problems.Should().HaveCount(8);
        error.Message.Should()
            .Contain("STORE_NAME: not a store name (got 'Acme Store', allowed 1-64 of a-z, 0-9, '-')")
            .And.Contain("REPORT_BUCKET: required")
            .And.Contain("AWS_REGION: required")
            .And.Contain("DEFAULT_TIER: unknown tier (got 'gold', allowed critical | standard | archive)")
            .And.Contain("DYNAMODB_SCAN_SEGMENTS: out of range (got '100', allowed an integer 1-64)")
            .And.Contain("SQL_PRESET: unknown preset (got 'shopify', allowed woocommerce | woocommerce-legacy | magento | custom)")
            .And.Contain("TIER_TARGETS: critical.rpoSeconds must be a positive whole number of seconds (got -5")
            .And.Contain("BACKUP_ENDPOINT: not an http(s) URL (got 'ftp://x'");
    }

    [Theory]
    [InlineData(null, "SQL_CUSTOM_QUERY: required when the preset is custom")]
    [InlineData("DELETE FROM sales_order", "SQL_CUSTOM_QUERY: must be a single read-only SELECT")]
    [InlineData("SELECT 1; DROP TABLE x", "SQL_CUSTOM_QUERY: must be a single read-only SELECT")]
    public void FromEnvironment_CustomPresetWithBadQuery_NamesTheQueryVariable(string? query, string expected)
    {
        var env = Minimal((DrillVariables.SqlPreset, SqlPresets.Custom));
        if (query is not null)
        {
            env[DrillVariables.SqlCustomQuery] = query;
        }

        var act = () => DrillSettings.FromEnvironment(env);

        act.Should().Throw<ConfigurationException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void FromEnvironment_SqlPrefixWithQuote_IsRejected()
    {
        var act = () => DrillSettings.FromEnvironment(Minimal((DrillVariables.SqlTablePrefix, "wp_'; --")));

        act.Should().Throw<ConfigurationException>().WithMessage("*SQL_TABLE_PREFIX: not a table prefix*");
    }

    [Fact]
    public void For_ResourceSettingsWithPrefixPattern_MatchesTheSourceArnAndInheritsDefaults()
    {
        var settings = DrillSettings.FromEnvironment(Minimal(
            (DrillVariables.DbSecretArn, "arn:aws:secretsmanager:eu-central-1:1:secret:default"),
            (DrillVariables.ResourceSettings, """
                [{"sourceArn":"arn:aws:dynamodb:eu-central-1:1:table/carts","tier":"standard","timestampAttribute":"updatedAt"},
                 {"sourceArn":"arn:aws:rds:eu-central-1:1:db:magento*","sqlPreset":"magento","minimumRecordCount":100}]
                """)));

        settings.For("arn:aws:dynamodb:eu-central-1:1:table/carts").Should().Match<ResourceSettings>(s => s.Tier == "standard" && s.TimestampAttribute == "updatedAt");
        var magento = settings.For("arn:aws:rds:eu-central-1:1:db:magento-prod");
        magento.SqlPreset.Should().Be(SqlPresets.Magento);
        magento.MinimumRecordCount.Should().Be(100);
        magento.SecretArn.Should().Be("arn:aws:secretsmanager:eu-central-1:1:secret:default");
        settings.For("arn:aws:dynamodb:eu-central-1:1:table/orders").Should().BeSameAs(settings.Defaults);
    }

    [Fact]
    public void FromEnvironment_ResourceSettingsWithUnknownFieldAndTier_ReportsBoth()
    {
        var act = () => DrillSettings.FromEnvironment(Minimal((DrillVariables.ResourceSettings,
            """[{"sourceArn":"arn:aws:s3:::media","tier":"gold","colour":"red"}]""")));

        act.Should().Throw<ConfigurationException>()
            .Which.Problems.Should().Contain(p => p.StartsWith("RESOURCE_SETTINGS[0]: unknown field (got 'colour'", StringComparison.Ordinal))
            .And.Contain(p => p.StartsWith("RESOURCE_SETTINGS[0].tier: unknown tier (got 'gold'", StringComparison.Ordinal));
    }

    [Fact]
    public void FromEnvironment_TierTargetsOverride_KeepsOtherFieldsAndTiers()
    {
        var settings = DrillSettings.FromEnvironment(Minimal((DrillVariables.TierTargets,
            """{"critical":{"rtoSeconds":3600,"maxRecoveryPointAgeSeconds":3900}}""")));

        settings.Tiers[ContractTiers.Critical].Should().Be(new TierTarget { RpoSeconds = 300, RtoSeconds = 3600, MaxRecoveryPointAgeSeconds = 3900 });
        settings.Tiers[ContractTiers.Standard].Should().Be(DrillTiers.Defaults[ContractTiers.Standard]);
    }
}
