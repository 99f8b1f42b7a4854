using System.Text.Json.Nodes;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Tests.Support;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.App.Tests.Config;

/// <summary>The <c>controlTower</c> config key.</summary>
public sealed class ControlTowerConfigTests
{
    private const string Network = """{ "vpcId": "vpc-0123456789abcdef0", "subnetIds": ["subnet-0123456789abcdef0"] }""";

    private static AppConfig Read(string controlTower, string? network = null)
    {
        var json = JsonNode.Parse(DemoApp.DemoConfigJson())!.AsObject();
        json["controlTower"] = JsonNode.Parse(controlTower);
        if (network is not null)
        {
            json["drills"]!["network"] = JsonNode.Parse(network);
        }

        return ConfigReader.Read(json.ToJsonString());
    }

    [Fact]
    public void Read_Demo_IsNotStrict()
    {
        ConfigReader.Read(DemoApp.DemoConfigJson()).Backup.ControlTower.Strict.Should().BeFalse();
    }

    [Fact]
    public void Read_StrictWithDrillNetwork_ReachesProps()
    {
        Read("""{ "strict": true }""", Network).Backup.ControlTower.Strict.Should().BeTrue();
    }

    [Fact]
    public void Read_StrictWithoutDrillNetwork_NamesKeyAndWhatIsMissing()
    {
        var act = () => Read("""{ "strict": true }""");

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().ContainSingle(p =>
            p.StartsWith("controlTower.strict: needs drills.network", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "strict": "yes" }""", "controlTower.strict")]
    [InlineData("""{ "strict": true, "mode": "all" }""", "controlTower.mode")]
    public void Read_BadValue_NamesKey(string controlTower, string expected)
    {
        var act = () => Read(controlTower, Network);

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().Contain(p => p.StartsWith(expected, StringComparison.Ordinal));
    }
}
