using System.Text.Json;
using EcommerceBackupCdk.Drills;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// Settings that would do nothing are refused, each naming why: keys of a section that is switched off, and drill
/// settings that only apply to resource types the drills do not restore.
/// </summary>
internal static partial class ConfigReader
{
    // Settings read only for RDS/Aurora drills (instance class, DB placement, SQL probe, the validator's VPC that reaches
    // the restored database), and only for DynamoDB drills (the freshness attribute).
    private static readonly string[] DatabaseOnlyDrillKeys =
        ["rdsInstanceClass", "dbSubnetGroupName", "dbSecurityGroupIds", "sqlPreset", "sqlCustomQuery", "sqlTablePrefix", "sqlDatabase", "databaseSecretArn", "network"];

    private static readonly string[] DynamoDbOnlyDrillKeys = ["freshnessAttribute"];

    /// <summary>Every other key of a section whose <c>enabled</c> is false (or, where it defaults to off, missing).</summary>
    private static void RefuseWhileDisabled(Reader r, JsonElement section, string path, bool enabled)
    {
        // An enabled that is not a boolean is reported as such; guessing it off would add noise.
        if (enabled || (section.TryGetProperty("enabled", out var e) && e.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null)))
        {
            return;
        }

        foreach (var prop in section.EnumerateObject().Where(p => p.Name != "enabled" && p.Value.ValueKind != JsonValueKind.Null))
        {
            r.Problems.Add($"{path}.{prop.Name}", $"does nothing while {path}.enabled is false", new JsonText(prop.Value), $"no value, or {path}.enabled: true");
        }
    }

    /// <summary>Drill keys for resource types the drills do not restore.</summary>
    private static void RefuseForTypesNotDrilled(Reader r, JsonElement drills, DrillOptions options)
    {
        if (!options.Enabled || options.ResourceTypes is null || options.ResourceTypes.Count == 0)
        {
            return;
        }

        var types = options.ResourceTypes;
        void Refuse(IEnumerable<string> keys, string types, string needs)
        {
            foreach (var key in keys)
            {
                if (drills.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null)
                {
                    r.Problems.Add($"drills.{key}", $"does nothing: it applies to {types} drills and drills.resourceTypes has none", new JsonText(value),
                        $"no value, or add {needs} to drills.resourceTypes");
                }
            }
        }

        if (!types.Contains(DrillResourceType.Rds) && !types.Contains(DrillResourceType.Aurora))
        {
            Refuse(DatabaseOnlyDrillKeys, "RDS and Aurora", "'RDS' or 'Aurora'");
        }

        if (!types.Contains(DrillResourceType.DynamoDb))
        {
            Refuse(DynamoDbOnlyDrillKeys, "DynamoDB", "'DynamoDB'");
        }
    }
}
