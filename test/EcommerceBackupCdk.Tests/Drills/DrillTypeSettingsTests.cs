using Amazon.CDK.AWS.SecretsManager;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Drills;

/// <summary>
/// Drill settings for resource types the drills do not restore would do nothing; the library refuses them when set
/// from C#, with the message the config reader gives for the same key.
/// </summary>
public sealed class DrillTypeSettingsTests
{
    private static IReadOnlyList<string> Problems(DrillOptions options)
    {
        var problems = new ValidationProblems();
        DrillOptionsValidator.Validate(options, "acme", problems);
        return problems.All;
    }

    [Fact]
    public void Validate_SqlSettingsWithoutDatabaseTypes_AreRefused()
    {
        Problems(new DrillOptions { ResourceTypes = [DrillResourceType.S3], SqlPreset = "magento", DbSecurityGroupIds = ["sg-12345678"], SqlDatabase = "shop" })
            .Should().BeEquivalentTo(
                "drills.dbSecurityGroupIds: does nothing: it applies to RDS and Aurora drills and drills.resourceTypes has none (got ['sg-12345678'], allowed no value, or add 'RDS' or 'Aurora' to drills.resourceTypes)",
                "drills.sqlPreset: does nothing: it applies to RDS and Aurora drills and drills.resourceTypes has none (got 'magento', allowed no value, or add 'RDS' or 'Aurora' to drills.resourceTypes)",
                "drills.sqlDatabase: does nothing: it applies to RDS and Aurora drills and drills.resourceTypes has none (got 'shop', allowed no value, or add 'RDS' or 'Aurora' to drills.resourceTypes)");
    }

    [Fact]
    public void Validate_DatabaseSecretWithoutDatabaseTypes_IsRefusedNamingTheConfigKey()
    {
        var stack = TestStacks.NewStack();
        var arn = "arn:aws:secretsmanager:eu-central-1:111111111111:secret:shop-db-AbCdEf";
        var secret = Secret.FromSecretCompleteArn(stack, "Db", arn);

        Problems(new DrillOptions { ResourceTypes = [DrillResourceType.DynamoDb], DatabaseSecret = secret }).Should().ContainSingle().Which.Should().Be(
            $"drills.databaseSecretArn: does nothing: it applies to RDS and Aurora drills and drills.resourceTypes has none (got '{arn}', allowed no value, or add 'RDS' or 'Aurora' to drills.resourceTypes)");
    }

    [Fact]
    public void Validate_FreshnessAttributeWithoutDynamoDb_IsRefused()
    {
        Problems(new DrillOptions { ResourceTypes = [DrillResourceType.Aurora], FreshnessAttribute = "placedAt" }).Should().ContainSingle().Which.Should().Be(
            "drills.freshnessAttribute: does nothing: it applies to DynamoDB drills and drills.resourceTypes has none (got 'placedAt', allowed no value, or add 'DynamoDB' to drills.resourceTypes)");
    }

    [Fact]
    public void Validate_DefaultsOrTypesThatUseThem_AreAccepted()
    {
        // Defaults cannot be told from values set on purpose, so they are not refused; with the type drilled, nothing is.
        Problems(new DrillOptions { ResourceTypes = [DrillResourceType.S3] }).Should().BeEmpty();
        Problems(new DrillOptions { ResourceTypes = [DrillResourceType.Rds, DrillResourceType.DynamoDb], SqlPreset = "magento", FreshnessAttribute = "placedAt" }).Should().BeEmpty();
    }

    [Fact]
    public void Validate_DrillsOff_RefusesNoTypeSetting()
    {
        Problems(new DrillOptions { Enabled = false, ResourceTypes = [DrillResourceType.S3], SqlPreset = "magento" }).Should().BeEmpty();
    }

    [Fact]
    public void Constructor_RestoreDrillWithSqlSettingsButNoDatabases_Throws()
    {
        var act = () => DrillFixture.Create(new DrillOptions { ResourceTypes = [DrillResourceType.S3], SqlPreset = "magento" });

        act.Should().Throw<BackupConfigurationException>().WithMessage("*drills.sqlPreset: does nothing: it applies to RDS and Aurora drills*");
    }

    [Fact]
    public void SettingsUnusedBy_ListsTheKeysForTheMissingTypes()
    {
        DrillOptionsValidator.SettingsUnusedBy([DrillResourceType.S3]).Select(s => s.Name).Should().Equal(
            "rdsInstanceClass", "dbSubnetGroupName", "dbSecurityGroupIds", "sqlPreset", "sqlCustomQuery", "sqlTablePrefix", "sqlDatabase", "databaseSecretArn", "network", "freshnessAttribute");
        DrillOptionsValidator.SettingsUnusedBy([DrillResourceType.Aurora, DrillResourceType.DynamoDb]).Should().BeEmpty();
    }
}
