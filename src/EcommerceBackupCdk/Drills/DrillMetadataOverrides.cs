namespace EcommerceBackupCdk.Drills;

/// <summary>
/// Restore metadata overrides per type, keeping restored copies private and cheap. Only keys AWS Backup lists as
/// overridable for the type are used ("Restore testing inferred metadata", AWS Backup developer guide); list values
/// are JSON-array strings, as that guide requires.
/// </summary>
internal static class DrillMetadataOverrides
{
    public static Dictionary<string, string> For(DrillResourceType type, DrillOptions options)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (type)
        {
            case DrillResourceType.Rds:
                // AWS already infers publiclyAccessible=false and multiAz=false; stating them keeps that true if the inference changes.
                overrides["dbInstanceClass"] = options.RdsInstanceClass;
                overrides["publiclyAccessible"] = "false";
                overrides["multiAz"] = "false";
                AddNetwork(overrides, options);
                break;
            case DrillResourceType.Aurora:
                // Clusters take no instance class or public-access override; the subnet group and security groups keep them private.
                AddNetwork(overrides, options);
                break;
            case DrillResourceType.S3:
                // A restored bucket never gets the source's ACLs, so an object ACL granting public read cannot come back with it.
                overrides["restoreACLs"] = "false";
                break;
            default:
                // DynamoDB, EBS and EFS restores are private by construction and AWS's inferred metadata is already the cheap choice.
                break;
        }

        return overrides;
    }

    private static void AddNetwork(Dictionary<string, string> overrides, DrillOptions options)
    {
        if (options.DbSubnetGroupName is { } group)
        {
            overrides["dbSubnetGroupName"] = group;
        }

        if (options.DbSecurityGroupIds.Count > 0)
        {
            overrides["vpcSecurityGroupIds"] = "[" + string.Join(",", options.DbSecurityGroupIds.Select(id => "\"" + id + "\"")) + "]";
        }
    }
}
