using System.Text.Json.Nodes;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Tests.Support;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.App.Tests.Config;

/// <summary>The <c>drills</c> config key.</summary>
public sealed class DrillConfigTests
{
    private static JsonObject Demo() => JsonNode.Parse(DemoApp.DemoConfigJson())!.AsObject();

    private static AppConfig ReadWithDrills(string drills)
    {
        var json = Demo();
        json["drills"] = JsonNode.Parse(drills);
        return ConfigReader.Read(json.ToJsonString());
    }

    [Fact]
    public void Read_DemoConfig_DrillsCriticalTierFridayEveningUtc()
    {
        var drills = ConfigReader.Read(DemoApp.DemoConfigJson()).Backup.Drills;

        drills.Enabled.Should().BeTrue();
        drills.Schedule.Should().Be("cron(0 18 ? * FRI *)");
        drills.TimeZone.Should().Be("Etc/UTC");
        drills.Tiers.Should().Equal(TierName.Critical);
        drills.ResourceTypes.Should().HaveCount(6);
        drills.MaxDataFreshness.Should().Be(TimeSpan.FromHours(1));
        drills.ReportRetention.Should().Be(TimeSpan.FromDays(3 * 365));
    }

    [Fact]
    public void Read_AllKeys_ReachOptionsAndReferences()
    {
        var config = ReadWithDrills("""
            {
              "enabled": true, "schedule": "cron(0 3 ? * SUN *)", "timeZone": "Europe/Istanbul", "startWindow": "2h",
              "selectionWindowDays": 3, "validationWindow": "1h", "tiers": ["critical", "standard"], "resourceTypes": ["RDS", "DynamoDB"],
              "rdsInstanceClass": "db.t4g.small", "dbSubnetGroupName": "shop-private", "dbSecurityGroupIds": ["sg-0123456789abcdef0"],
              "freshnessAttribute": "placedAt", "maxDataFreshness": "2h", "sqlPreset": "magento", "sqlTablePrefix": "m2_", "sqlDatabase": "magento",
              "databaseSecretArn": "arn:aws:secretsmanager:eu-central-1:111111111111:secret:shop-db-AbCdEf", "minimumRecordCount": 5,
              "reportRetention": "1y", "network": { "vpcId": "vpc-0123456789abcdef0", "subnetIds": ["subnet-0123456789abcdef0"], "securityGroupIds": ["sg-12345678"] },
              "resources": [{ "sourceArn": "arn:aws:dynamodb:eu-central-1:111111111111:table/carts", "tier": "standard", "freshnessAttribute": "updatedAt",
                              "secretArn": "arn:aws:secretsmanager:eu-central-1:111111111111:secret:other-XyZ123" }]
            }
            """);
        var d = config.Backup.Drills;

        d.Schedule.Should().Be("cron(0 3 ? * SUN *)");
        d.TimeZone.Should().Be("Europe/Istanbul");
        d.StartWindow.Should().Be(TimeSpan.FromHours(2));
        d.SelectionWindowDays.Should().Be(3);
        d.ValidationWindow.Should().Be(TimeSpan.FromHours(1));
        d.Tiers.Should().Equal(TierName.Critical, TierName.Standard);
        d.ResourceTypes.Should().Equal(DrillResourceType.Rds, DrillResourceType.DynamoDb);
        d.RdsInstanceClass.Should().Be("db.t4g.small");
        d.DbSubnetGroupName.Should().Be("shop-private");
        d.SqlPreset.Should().Be("magento");
        d.MinimumRecordCount.Should().Be(5);
        d.Resources.Single().Tier.Should().Be(TierName.Standard);
        config.Drills.DatabaseSecretArn.Should().EndWith("shop-db-AbCdEf");
        config.Drills.ResourceSecretArns[0].Should().EndWith("other-XyZ123");
        config.Drills.Network!.SubnetIds.Should().Equal("subnet-0123456789abcdef0");
    }

    [Fact]
    public void Read_Disabled_NoDrillsInTheApp()
    {
        var json = Demo();
        json["drills"] = JsonNode.Parse("""{"enabled": false}""");
        json["recovery"] = JsonNode.Parse("""{"enabled": false}"""); // store recovery runs on the drills; left on, it would be refused

        ConfigReader.Read(json.ToJsonString()).Backup.Drills.Enabled.Should().BeFalse();
    }

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "unknown key", """{"scheduel":"cron(0 18 ? * FRI *)"}""", "drills.scheduel: is not a known key (got 'scheduel', allowed enabled, schedule," },
        { "unknown tier", """{"tiers":["gold"]}""", "drills.tiers: is not a tier (got 'gold', allowed critical, standard, archive)" },
        { "unknown type", """{"resourceTypes":["Redshift"]}""", "drills.resourceTypes: is not a resource type restore drills support (got 'Redshift', allowed Aurora, RDS, DynamoDB, S3, EBS, EFS)" },
        { "secret arn", """{"databaseSecretArn":"shop-db"}""", "drills.databaseSecretArn: is not the complete ARN of a Secrets Manager secret (got 'shop-db'" },
        { "resources not array", """{"resources":{}}""", "drills.resources: must be an array (got 'Object'" },
        { "resource tier", """{"resources":[{"sourceArn":"arn:aws:s3:::images","tier":"gold"}]}""", "drills.resources[0].tier: is not a tier (got 'gold'" },
        { "resource without arn", """{"resources":[{"tier":"critical"}]}""", "drills.resources[0].sourceArn: is required (got nothing, allowed a value)" },
        { "vpc id", """{"network":{"vpcId":"vpc-1","subnetIds":["subnet-0123456789abcdef0"]}}""", "drills.network.vpcId: is not a VPC id (got 'vpc-1'" },
        { "no subnets", """{"network":{"vpcId":"vpc-0123456789abcdef0"}}""", "drills.network.subnetIds: names no subnet (got nothing" },
        { "subnet id", """{"network":{"vpcId":"vpc-0123456789abcdef0","subnetIds":["sn-1"]}}""", "drills.network.subnetIds: is not a subnet id (got 'sn-1'" },
        { "library rule reaches config", """{"selectionWindowDays":0}""", "drills.selectionWindowDays: is out of range (got 0, allowed 1 to 365 days)" },
        { "bad duration", """{"startWindow":"soon"}""", "drills.startWindow: is not a duration (got 'soon'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_BadDrillValue_NamesKeyValueAndAllowed(string name, string drills, string expected)
    {
        var act = () => ReadWithDrills(drills);

        act.Should().Throw<BackupConfigurationException>().Which.Problems
            .Should().Contain(p => p.StartsWith(expected, StringComparison.Ordinal), because: $"case '{name}'");
    }
}
