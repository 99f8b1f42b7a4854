using System.Reflection;
using System.Text.Json.Nodes;
using Amazon.CDK;

namespace EcommerceBackupCdk.Rules;

/// <summary>
/// A stack's CloudFormation resources as rules read them, built at validation time (after every aspect and after CDK
/// turned construct dependencies into <c>DependsOn</c>). Properties are resolved with <see cref="Stack.Resolve"/>;
/// raw property overrides (<c>AddPropertyOverride</c>) are not included.
/// </summary>
public sealed class RuleTemplate
{
    private readonly Dictionary<string, RuleResource> _byLogicalId;

    internal RuleTemplate(Stack stack, IReadOnlyList<RuleResource> resources)
    {
        Stack = stack;
        Resources = resources;
        _byLogicalId = resources.ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
    }

    /// <summary>The stack.</summary>
    public Stack Stack { get; }

    /// <summary>Every resource of the stack (nested stacks are stacks of their own).</summary>
    public IReadOnlyList<RuleResource> Resources { get; }

    /// <summary>The resources of a CloudFormation type.</summary>
    public IEnumerable<RuleResource> OfType(string type) => Resources.Where(r => r.Type == type);

    /// <summary>The resource with a logical id, or null.</summary>
    public RuleResource? ByLogicalId(string logicalId) => _byLogicalId.GetValueOrDefault(logicalId);

    /// <summary>
    /// The resource a value points at through <c>{"Ref": id}</c> or <c>{"Fn::GetAtt": [id, attr]}</c>, or null when the
    /// value is a literal or points outside the stack.
    /// </summary>
    public RuleResource? Referenced(JsonNode? value)
    {
        if (RuleJson.Text(RuleJson.Get(value, "Ref")) is { } id)
        {
            return ByLogicalId(id);
        }

        return value is JsonObject obj && obj["Fn::GetAtt"] is JsonArray att && att.Count > 0 && RuleJson.Text(att[0]) is { } target
            ? ByLogicalId(target)
            : null;
    }

    /// <summary>
    /// Every resource of the stack a value refers to anywhere inside it (<c>Ref</c> or <c>Fn::GetAtt</c>, also within
    /// <c>Fn::Join</c>, <c>Fn::Sub</c> lists and nested objects), e.g. the bucket in a flow log's destination ARN.
    /// </summary>
    public IReadOnlyList<RuleResource> ReferencesIn(JsonNode? value)
    {
        var found = new List<RuleResource>();
        Walk(value);
        return found.DistinctBy(r => r.LogicalId).ToList();

        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (Referenced(obj) is { } resource)
                    {
                        found.Add(resource);
                    }

                    foreach (var (_, child) in obj)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Walk(child);
                    }

                    break;
            }
        }
    }

    /// <summary>The statements of every <c>AWS::S3::BucketPolicy</c> of the stack attached to a bucket.</summary>
    public IReadOnlyList<JsonObject> BucketPolicyStatements(RuleResource bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return OfType("AWS::S3::BucketPolicy")
            .Where(p => Referenced(p.Property("Bucket"))?.LogicalId == bucket.LogicalId)
            .SelectMany(p => RuleJson.Statements(p.Property("PolicyDocument")))
            .ToList();
    }

    /// <summary>Builds the view of a stack. Call it during validation, when the tree is final.</summary>
    internal static RuleTemplate Of(Stack stack)
    {
        var resources = new List<RuleResource>();
        foreach (var child in stack.Node.FindAll())
        {
            if (child is not CfnResource resource || !CfnResource.IsCfnResource(child) || Stack.Of(child).Node.Path != stack.Node.Path)
            {
                continue;
            }

            var logicalId = (string)stack.Resolve(resource.LogicalId);
            var properties = CfnPropertiesOf(resource) is { } raw ? RuleJson.ToNode(stack.Resolve(raw)) as JsonObject ?? [] : [];
            var dependsOn = resource.ObtainDependencies()
                .OfType<CfnResource>()
                .Where(d => Stack.Of(d).Node.Path == stack.Node.Path)
                .Select(d => (string)stack.Resolve(d.LogicalId))
                .ToList();
            resources.Add(new RuleResource(resource, logicalId, properties, dependsOn));
        }

        return new RuleTemplate(stack, resources);
    }

    // CfnResource.cfnProperties is protected in CDK (each L1 class overrides it with its current property values);
    // it is the one source of a resource's properties that works for L1 classes and raw CfnResource alike. Read here
    // only, so a later CDK with a public accessor changes one line.
    private static readonly PropertyInfo CfnProperties =
        typeof(CfnResource).GetProperty("CfnProperties", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Amazon.CDK.CfnResource.CfnProperties not found; the service rules need it.");

    private static object? CfnPropertiesOf(CfnResource resource) => CfnProperties.GetValue(resource);
}
