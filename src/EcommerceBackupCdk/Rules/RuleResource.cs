using System.Text.Json.Nodes;
using Amazon.CDK;

namespace EcommerceBackupCdk.Rules;

/// <summary>One CloudFormation resource of a stack as a rule sees it: the resolved properties and resource attributes.</summary>
public sealed class RuleResource
{
    internal RuleResource(CfnResource resource, string logicalId, JsonObject properties, IReadOnlyList<string> dependsOn)
    {
        Resource = resource;
        LogicalId = logicalId;
        Properties = properties;
        DependsOn = dependsOn;
    }

    /// <summary>The L1 construct.</summary>
    public CfnResource Resource { get; }

    /// <summary>The construct path, e.g. <c>Backup/Backup/Alerts/Key/Resource</c>.</summary>
    public string Path => Resource.Node.Path;

    /// <summary>The logical id in the template.</summary>
    public string LogicalId { get; }

    /// <summary>The CloudFormation type, e.g. <c>AWS::KMS::Key</c>.</summary>
    public string Type => Resource.CfnResourceType;

    /// <summary>The resolved properties (keys as CDK holds them: camelCase for L1 classes, as written for raw resources).</summary>
    public JsonObject Properties { get; }

    /// <summary>Logical ids of the resources this one depends on (<c>DependsOn</c>), after CDK turned construct dependencies into them.</summary>
    public IReadOnlyList<string> DependsOn { get; }

    /// <summary>The <c>DeletionPolicy</c> attribute as it will be rendered, or null when none.</summary>
    public string? DeletionPolicy => Resource.CfnOptions.DeletionPolicy?.ToString() switch
    {
        null => null,
        var p => RuleJson.PolicyName(p),
    };

    /// <summary>A top-level property, whatever the case of its name; null when absent.</summary>
    public JsonNode? Property(string name) => RuleJson.Get(Properties, name);
}
