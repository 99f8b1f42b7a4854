using Amazon.CDK;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// The drill settings that apply to some resource types only: the RDS/Aurora ones (instance class, DB placement, the
/// SQL probe, the database secret, the validator's VPC that reaches the restored database) and the DynamoDB one (the
/// freshness attribute). Set while <see cref="DrillOptions.ResourceTypes"/> has none of those types, they would do
/// nothing, so <see cref="DrillOptionsValidator"/> refuses them (and the app's config reader refuses the same keys
/// when they are written, default value or not).
/// </summary>
internal static class DrillTypeSettings
{
    private const string DatabaseTypes = "RDS and Aurora";
    private const string DatabaseTypesToAdd = "'RDS' or 'Aurora'";
    private const string DynamoDbTypes = "DynamoDB";
    private const string DynamoDbTypesToAdd = "'DynamoDB'";

    /// <summary>
    /// Each setting: its key under <c>drills</c>, whether it is for databases (else for DynamoDB), and its value when
    /// set on <see cref="DrillOptions"/> (null when left at the default, or when the library cannot tell).
    /// </summary>
    private static readonly (string Name, bool ForDatabases, Func<DrillOptions, object?> ValueIfSet)[] All =
    [
        ("rdsInstanceClass", true, o => o.RdsInstanceClass == DrillDefaults.RdsInstanceClass ? null : o.RdsInstanceClass),
        ("dbSubnetGroupName", true, o => o.DbSubnetGroupName),
        ("dbSecurityGroupIds", true, o => o.DbSecurityGroupIds is { Count: > 0 } ids ? ids : null),
        ("sqlPreset", true, o => o.SqlPreset == DrillDefaults.SqlPreset ? null : o.SqlPreset),
        ("sqlCustomQuery", true, o => o.SqlCustomQuery),
        ("sqlTablePrefix", true, o => o.SqlTablePrefix),
        ("sqlDatabase", true, o => o.SqlDatabase),
        ("databaseSecretArn", true, o => o.DatabaseSecret is { } secret ? (Token.IsUnresolved(secret.SecretArn) ? "a secret" : secret.SecretArn) : null),

        // Not refused on DrillOptions: with ControlTowerOptions.Strict the validator needs a VPC whatever it drills.
        ("network", true, _ => null),
        ("freshnessAttribute", false, o => o.FreshnessAttribute == DrillDefaults.FreshnessAttribute ? null : o.FreshnessAttribute),
    ];

    /// <summary>The settings (keys under <c>drills</c>) that do nothing for <paramref name="types"/>, with what is wrong and what is allowed.</summary>
    public static IEnumerable<(string Name, string What, string Allowed, Func<DrillOptions, object?> ValueIfSet)> UnusedBy(IReadOnlyList<DrillResourceType> types)
    {
        var databases = types.Any(t => t.IsDatabase());
        var dynamoDb = types.Contains(DrillResourceType.DynamoDb);
        foreach (var (name, forDatabases, valueIfSet) in All)
        {
            if (forDatabases ? databases : dynamoDb)
            {
                continue;
            }

            var (drilled, toAdd) = forDatabases ? (DatabaseTypes, DatabaseTypesToAdd) : (DynamoDbTypes, DynamoDbTypesToAdd);
            yield return (name, $"does nothing: it applies to {drilled} drills and drills.resourceTypes has none",
                $"no value, or add {toAdd} to drills.resourceTypes", valueIfSet);
        }
    }
}
