using System.Text.Json.Nodes;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Tests.Support;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.App.Tests.Config;

/// <summary>
/// Rules that are the library's give a library user, writing props in C# without the app, the error a config user
/// gets: the same key and the same message, from one home.
/// </summary>
public sealed class LibraryRulesTests
{
    private static JsonObject Demo() => JsonNode.Parse(DemoApp.DemoConfigJson())!.AsObject();

    private static IReadOnlyList<string> ConfigProblems(JsonObject json)
    {
        var act = () => ConfigReader.Read(json.ToJsonString());
        return act.Should().Throw<BackupConfigurationException>().Which.Problems;
    }

    private static IReadOnlyList<string> PropsProblems(EcommerceBackupProps props) =>
        PropsValidator.Validate(props, "111111111111", "eu-central-1").All;

    [Fact]
    public void SqlPresetWithoutDatabaseDrills_SameMessageFromConfigAndFromProps()
    {
        var json = Demo();
        json["drills"]!["resourceTypes"] = new JsonArray("S3", "DynamoDB");
        json["drills"]!["sqlPreset"] = "magento";
        var props = ConfigReader.Read(Demo().ToJsonString()).Backup;

        var fromConfig = ConfigProblems(json);
        var fromProps = PropsProblems(props with { Drills = props.Drills with { ResourceTypes = [DrillResourceType.S3, DrillResourceType.DynamoDb], SqlPreset = "magento" } });

        const string expected = "drills.sqlPreset: does nothing: it applies to RDS and Aurora drills and drills.resourceTypes has none (got 'magento', allowed no value, or add 'RDS' or 'Aurora' to drills.resourceTypes)";
        fromConfig.Should().ContainSingle(p => p.StartsWith("drills.sqlPreset:", StringComparison.Ordinal)).Which.Should().Be(expected);
        fromProps.Should().Equal(expected);
    }

    [Fact]
    public void RecoveryWhileDrillsAreOff_SameMessageFromConfigAndFromProps()
    {
        var json = Demo();
        json["drills"] = JsonNode.Parse("""{ "enabled": false }""");
        var props = ConfigReader.Read(Demo().ToJsonString()).Backup;

        var fromConfig = ConfigProblems(json);
        var fromProps = PropsProblems(props with { Drills = new DrillOptions { Enabled = false } });

        const string expected = "recovery: does nothing while drills.enabled is false: store recovery runs on the drill validator and its report bucket (got 'enabled', allowed drills.enabled true, or recovery.enabled false)";
        fromConfig.Should().ContainSingle(p => p.StartsWith("recovery:", StringComparison.Ordinal)).Which.Should().Be(expected);
        fromProps.Should().Equal(expected);
        props.Recovery.Should().NotBe(new RecoveryOptions(), "the demo configures store recovery, so the library can tell");
    }

    [Fact]
    public void TypeSettingWrittenWithItsDefault_IsRefusedByTheConfigOnly()
    {
        // Written in the config, a default value is a choice the reader can see; on props it cannot be told from the default.
        var json = Demo();
        json["drills"]!["resourceTypes"] = new JsonArray("S3");
        json["drills"]!["freshnessAttribute"] = DrillDefaults.FreshnessAttribute;

        ConfigProblems(json).Should().Contain(
            "drills.freshnessAttribute: does nothing: it applies to DynamoDB drills and drills.resourceTypes has none (got 'createdAt', allowed no value, or add 'DynamoDB' to drills.resourceTypes)");
        var props = ConfigReader.Read(Demo().ToJsonString()).Backup;
        PropsProblems(props with { Drills = props.Drills with { ResourceTypes = [DrillResourceType.S3], FreshnessAttribute = DrillDefaults.FreshnessAttribute, SqlPreset = DrillDefaults.SqlPreset } })
            .Should().BeEmpty();
    }
}
