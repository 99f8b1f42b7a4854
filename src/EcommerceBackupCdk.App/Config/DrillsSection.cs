using System.Text.RegularExpressions;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Contract;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// The <c>drills</c> key. Settings become <see cref="DrillOptions"/>, whose rules are the library's
/// (<see cref="DrillOptionsValidator"/>); ids and ARNs of existing resources (secrets, the validator's VPC) become
/// <see cref="DrillConfig"/>, checked here because only the app turns them into typed references.
/// </summary>
internal static partial class DrillsSection
{
    public static (DrillOptions Options, DrillConfig Config) Read(ConfigSection root)
    {
        var defaults = new DrillOptions();
        if (root.Section("drills") is not { } e)
        {
            return (defaults, new DrillConfig());
        }

        // Keys are read in the order an unknown key's message lists them.
        var options = defaults with
        {
            Enabled = e.Bool("enabled") ?? defaults.Enabled,
            Schedule = e.String("schedule") ?? defaults.Schedule,
            TimeZone = e.String("timeZone") ?? defaults.TimeZone,
            StartWindow = e.Duration("startWindow") ?? defaults.StartWindow,
            SelectionWindowDays = e.Int("selectionWindowDays") ?? defaults.SelectionWindowDays,
            ValidationWindow = e.Duration("validationWindow") ?? defaults.ValidationWindow,
            Tiers = e.Tiers("tiers") ?? defaults.Tiers,
            ResourceTypes = e.List<DrillResourceType>("resourceTypes", "is not a resource type restore drills support", DrillResourceTypes.Allowed, DrillResourceTypes.TryParse)
                ?? defaults.ResourceTypes,
            RdsInstanceClass = e.String("rdsInstanceClass") ?? defaults.RdsInstanceClass,
            DbSubnetGroupName = e.String("dbSubnetGroupName"),
            DbSecurityGroupIds = e.Strings("dbSecurityGroupIds") ?? defaults.DbSecurityGroupIds,
            FreshnessAttribute = e.String("freshnessAttribute") ?? defaults.FreshnessAttribute,
            MaxDataFreshness = e.Duration("maxDataFreshness"),
            SqlPreset = e.String("sqlPreset") ?? defaults.SqlPreset,
            SqlCustomQuery = e.String("sqlCustomQuery"),
            SqlTablePrefix = e.String("sqlTablePrefix"),
            SqlDatabase = e.String("sqlDatabase"),
        };
        var secretArn = SecretArn(e, "databaseSecretArn");
        var minimumRecordCount = e.Int("minimumRecordCount");
        var reportRetention = e.Duration("reportRetention");
        var network = e.Section("network") is { } n ? ReadNetwork(n) : null;
        var resourceSecrets = new Dictionary<int, string>();
        var resources = e.Sections("resources", "{sourceArn, tier, freshnessAttribute, sqlPreset, ...}")
            ?.Select((item, i) => item is null ? null : ReadResource(item, i, resourceSecrets))
            .OfType<DrillResourceSettings>()
            .ToList();
        options = options with
        {
            MinimumRecordCount = minimumRecordCount ?? defaults.MinimumRecordCount,
            ReportRetention = reportRetention ?? defaults.ReportRetention,
            Resources = resources ?? defaults.Resources,
            ReservedConcurrency = e.Int("reservedConcurrency"),
        };

        e.RefuseWhileDisabled(options.Enabled);
        RefuseForTypesNotDrilled(e, options);
        return (options, new DrillConfig { DatabaseSecretArn = secretArn, ResourceSecretArns = resourceSecrets, Network = network });
    }

    private static DrillResourceSettings ReadResource(ConfigSection item, int index, Dictionary<int, string> secrets)
    {
        var settings = new DrillResourceSettings
        {
            SourceArn = item.String("sourceArn", required: true) ?? string.Empty,
            Tier = item.Tier("tier"),
            FreshnessAttribute = item.String("freshnessAttribute"),
            SqlPreset = item.String("sqlPreset"),
            SqlCustomQuery = item.String("sqlCustomQuery"),
            SqlTablePrefix = item.String("sqlTablePrefix"),
            SqlDatabase = item.String("sqlDatabase"),
        };
        if (SecretArn(item, "secretArn") is { } secret)
        {
            secrets[index] = secret;
        }

        return settings with { MinimumRecordCount = item.Int("minimumRecordCount") };
    }

    private static DrillNetworkConfig ReadNetwork(ConfigSection n)
    {
        var vpcId = n.String("vpcId", required: true);
        if (vpcId is not null && !VpcIdPattern().IsMatch(vpcId))
        {
            n.Problems.Add(n.KeyOf("vpcId"), "is not a VPC id", vpcId, "'vpc-' followed by 8 or 17 hexadecimal digits");
        }

        var subnets = n.Strings("subnetIds") ?? [];
        if (subnets.Count == 0)
        {
            n.Problems.Add(n.KeyOf("subnetIds"), "names no subnet", null, "one or more private subnet ids, e.g. 'subnet-0123456789abcdef0'");
        }

        foreach (var subnet in subnets.Where(s => !SubnetIdPattern().IsMatch(s)))
        {
            n.Problems.Add(n.KeyOf("subnetIds"), "is not a subnet id", subnet, "'subnet-' followed by 8 or 17 hexadecimal digits");
        }

        var groups = n.Strings("securityGroupIds") ?? [];
        foreach (var group in groups.Where(g => !SecurityGroupIdPattern().IsMatch(g)))
        {
            n.Problems.Add(n.KeyOf("securityGroupIds"), "is not a security group id", group, "'sg-' followed by 8 or 17 hexadecimal digits");
        }

        return new DrillNetworkConfig { VpcId = vpcId ?? string.Empty, SubnetIds = subnets, SecurityGroupIds = groups };
    }

    /// <summary>A secret's complete ARN (the app imports it with <c>Secret.FromSecretCompleteArn</c>).</summary>
    private static string? SecretArn(ConfigSection section, string name)
    {
        var arn = section.String(name);
        if (arn is not null && !SecretArnPattern().IsMatch(arn))
        {
            section.Problems.Add(section.KeyOf(name), "is not the complete ARN of a Secrets Manager secret", arn,
                "arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 characters>");
        }

        return arn;
    }

    /// <summary>
    /// Drill keys written for resource types the drills do not restore. Which keys those are is the library's
    /// (<see cref="DrillOptionsValidator.SettingsUnusedBy"/>): it refuses them when set from C#, the app when written,
    /// even with the default value.
    /// </summary>
    private static void RefuseForTypesNotDrilled(ConfigSection drills, DrillOptions options)
    {
        if (!options.Enabled || options.ResourceTypes.Count == 0)
        {
            return;
        }

        foreach (var (name, what, allowed) in DrillOptionsValidator.SettingsUnusedBy(options.ResourceTypes))
        {
            if (drills.Value(name) is { } value)
            {
                drills.Problems.Add(drills.KeyOf(name), what, new JsonText(value), allowed);
            }
        }
    }

    [GeneratedRegex(@"^arn:[a-z-]+:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+-[A-Za-z0-9]{6}$")]
    private static partial Regex SecretArnPattern();

    [GeneratedRegex(ValueFormats.VpcId)]
    private static partial Regex VpcIdPattern();

    [GeneratedRegex(ValueFormats.SubnetId)]
    private static partial Regex SubnetIdPattern();

    [GeneratedRegex(ValueFormats.SecurityGroupId)]
    private static partial Regex SecurityGroupIdPattern();
}
