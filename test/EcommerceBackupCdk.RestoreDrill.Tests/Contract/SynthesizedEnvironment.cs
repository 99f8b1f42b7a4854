using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.TestSupport;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Contract;

/// <summary>
/// The <c>Environment.Variables</c> of one synthesized <c>AWS::Lambda::Function</c>, with every CloudFormation token
/// replaced by a value of the shape CloudFormation would resolve it to, so the Lambda's own reader can parse it.
/// </summary>
/// <remarks>
/// Substitutions (the values only need the shape the readers check; no test asserts a made-up physical id):
/// <list type="bullet">
/// <item><c>Ref</c> of a resource "returns a value that you can typically use to refer to that resource, such as a
/// physical ID" (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html):
/// for <c>AWS::S3::Bucket</c> the bucket name (its <c>BucketName</c>, else <c>test-&lt;logical id lower-cased&gt;</c>,
/// which passes the readers' bucket-name check); for <c>AWS::SecretsManager::Secret</c> the secret's ARN, whose last part
/// is the name "followed by six random characters" (CreateSecret response, cited in <c>RestoreDrill.SecretArnPattern</c>);
/// for <c>AWS::IAM::Role</c> the role name; pseudo parameters the stack's account, region and partition.</item>
/// <item><c>Fn::GetAtt</c>: <c>RestoreTestingPlanArn</c> of <c>AWS::Backup::RestoreTestingPlan</c>, <c>Arn</c> of
/// <c>AWS::IAM::Role</c> and <c>AWS::S3::Bucket</c>: ARNs of the shapes the readers accept
/// (<c>arn:aws:backup:&lt;region&gt;:&lt;account&gt;:restore-testing-plan:&lt;name&gt;-&lt;id&gt;</c>, <c>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</c>).</item>
/// <item><c>Fn::Join</c>: the substituted parts joined with the delimiter (how CDK renders a string or JSON with tokens
/// inside, e.g. <c>RESOURCE_SETTINGS</c> from <c>Stack.ToJsonString</c>).</item>
/// </list>
/// Any other token fails the test, naming it, so a new kind of value gets a deliberate substitution here.
/// </remarks>
internal sealed class SynthesizedEnvironment
{
    private readonly JsonObject _resources;
    private readonly string _account;
    private readonly string _region;

    private SynthesizedEnvironment(JsonObject template, string account, string region)
    {
        _resources = template["Resources"]!.AsObject();
        _account = account;
        _region = region;
    }

    /// <summary>The resolved variables of the function named <paramref name="functionName"/>.</summary>
    public static Dictionary<string, string> Of(Stack stack, string functionName)
    {
        var template = TemplateJson.Of(Template.FromStack(stack));
        var resolver = new SynthesizedEnvironment(template, stack.Account, stack.Region);
        var function = template["Resources"]!.AsObject()
            .Select(r => r.Value!.AsObject())
            .Where(r => r["Type"]!.GetValue<string>() == "AWS::Lambda::Function")
            .SingleOrDefault(r => r["Properties"]!["FunctionName"]?.GetValue<string>() == functionName)
            ?? throw new InvalidOperationException($"no function named {functionName} in the template");
        var variables = function["Properties"]!["Environment"]!["Variables"]!.AsObject();
        return variables.ToDictionary(v => v.Key, v => resolver.Resolve(v.Value, v.Key), StringComparer.Ordinal);
    }

    private string Resolve(JsonNode? node, string where) => node switch
    {
        JsonValue value => value.ToString(),
        JsonObject { Count: 1 } o when o["Ref"] is JsonValue r => Ref(r.GetValue<string>(), where),
        JsonObject { Count: 1 } o when o["Fn::GetAtt"] is JsonArray a => GetAtt(a[0]!.GetValue<string>(), a[1]!.GetValue<string>(), where),
        JsonObject { Count: 1 } o when o["Fn::Join"] is JsonArray j =>
            string.Join(j[0]!.GetValue<string>(), j[1]!.AsArray().Select(p => Resolve(p, where))),
        _ => throw new InvalidOperationException($"{where}: no substitution for the token {node?.ToJsonString()}"),
    };

    private string Ref(string id, string where) => id switch
    {
        "AWS::Region" => _region,
        "AWS::AccountId" => _account,
        "AWS::Partition" => "aws",
        "AWS::URLSuffix" => "amazonaws.com",
        _ => TypeOf(id, where) switch
        {
            "AWS::S3::Bucket" => BucketName(id),
            "AWS::SecretsManager::Secret" => $"arn:aws:secretsmanager:{_region}:{_account}:secret:{id}-AbCdEf",
            "AWS::IAM::Role" => id,
            var type => throw new InvalidOperationException($"{where}: no substitution for Ref of {id} ({type})"),
        },
    };

    private string GetAtt(string id, string attribute, string where) => (TypeOf(id, where), attribute) switch
    {
        ("AWS::Backup::RestoreTestingPlan", "RestoreTestingPlanArn") => $"arn:aws:backup:{_region}:{_account}:restore-testing-plan:{id}-0f1e2d3c",
        ("AWS::IAM::Role", "Arn") => $"arn:aws:iam::{_account}:role/{id}",
        ("AWS::S3::Bucket", "Arn") => $"arn:aws:s3:::{BucketName(id)}",
        var (type, _) => throw new InvalidOperationException($"{where}: no substitution for Fn::GetAtt {id}.{attribute} ({type})"),
    };

    private string TypeOf(string id, string where) =>
        _resources[id]?["Type"]?.GetValue<string>() ?? throw new InvalidOperationException($"{where}: {id} is not a resource of the template");

    private string BucketName(string id) => _resources[id]!["Properties"]?["BucketName"] is JsonValue name
        ? name.GetValue<string>()
        : ("test-" + id.ToLowerInvariant())[..Math.Min(63, id.Length + 5)];
}
