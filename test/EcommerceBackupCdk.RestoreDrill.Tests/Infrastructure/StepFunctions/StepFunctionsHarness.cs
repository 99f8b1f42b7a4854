using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcommerceBackupCdk.RestoreDrill.Aws;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure.StepFunctions;

/// <summary>
/// Runs a state machine definition in moto 5.2's Amazon States Language interpreter (moto_server on the port of
/// scripts/services.sh): switches execution on through moto's <c>/moto-api/config</c> endpoint
/// (<c>{"stepfunctions": {"execute_state_machine": true}}</c>, the config moto's docs name for its interpreter), creates
/// the state machine from a synthesized definition, starts an execution, waits for it and reads its history.
/// Reusable by every Step Functions test (drill flow, store recovery). Lambda tasks reach a handler the test hosts
/// through <see cref="LambdaForwarder"/>; <c>aws-sdk:*</c> and optimized DynamoDB tasks run against moto's backends.
/// </summary>
/// <remarks>
/// Where moto differs from AWS (for example the member casing of <c>aws-sdk:*</c> results, which moto returns in boto
/// casing), the definition is written for AWS and the test says how that step is covered instead.
/// </remarks>
public sealed class StepFunctionsHarness
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/sfn-harness";
    private readonly AwsRequestSender _sfn;
    private readonly AwsRequestSender _lambda;
    private readonly AwsRequestSender _dynamoDb;
    private readonly AwsRequestSender _iam;
    private static readonly SemaphoreSlim ConfigOnce = new(1, 1);
    private static bool _configured;

    public StepFunctionsHarness(Uri? motoEndpoint = null)
    {
        Endpoint = motoEndpoint ?? TestServices.MotoEndpoint;
        var options = MotoApi.Options(Endpoint) with { OverallDeadline = TimeSpan.FromSeconds(60), AttemptTimeout = TimeSpan.FromSeconds(30) };
        _sfn = new AwsRequestSender("SFN", "states", "states", AwsProtocol.Json11, options);
        _lambda = new AwsRequestSender("Lambda", "lambda", "lambda", AwsProtocol.RestJson, options);
        _dynamoDb = new AwsRequestSender("DynamoDB", "dynamodb", "dynamodb", AwsProtocol.Json11, options);
        _iam = new AwsRequestSender("IAM", "iam", "iam", AwsProtocol.Query, options);
    }

    public Uri Endpoint { get; }

    /// <summary>Turns on moto's interpreter (once per process; the config is global to the moto_server).</summary>
    public async Task EnableExecutionAsync()
    {
        await ConfigOnce.WaitAsync();
        try
        {
            if (_configured)
            {
                return;
            }

            using var http = new HttpClient();
            var body = new StringContent("{\"stepfunctions\": {\"execute_state_machine\": true}}", Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(Endpoint, "/moto-api/config"), body);
            var text = await response.Content.ReadAsStringAsync();
            // moto 5.2's set_config stores the "stepfunctions" key but get_config does not echo it, so only the status is checked;
            // an execution that never leaves RUNNING or never runs a task (WaitAsync) shows the config did not take.
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"moto did not accept the Step Functions config ({(int)response.StatusCode}): {text}");
            }

            _configured = true;
        }
        finally
        {
            ConfigOnce.Release();
        }
    }

    /// <summary>Creates a state machine (a unique name per call) and returns its ARN.</summary>
    public async Task<string> CreateStateMachineAsync(string definitionJson, string? name = null)
    {
        await EnableExecutionAsync();
        using var doc = await CallSfnAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name ?? "sm-" + Guid.NewGuid().ToString("N")[..12],
            ["definition"] = definitionJson,
            ["roleArn"] = RoleArn,
        });
        return doc.RootElement.GetProperty("stateMachineArn").GetString()!;
    }

    /// <summary>Starts an execution; moto needs a name (without one it reuses "None"), so one is always sent.</summary>
    public async Task<string> StartExecutionAsync(string stateMachineArn, string inputJson, string? name = null)
    {
        using var doc = await CallSfnAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = stateMachineArn,
            ["input"] = inputJson,
            ["name"] = name ?? "ex-" + Guid.NewGuid().ToString("N"),
        });
        return doc.RootElement.GetProperty("executionArn").GetString()!;
    }

    /// <summary>Polls DescribeExecution until the execution leaves RUNNING; fails the test when it does not in time.</summary>
    public async Task<ExecutionResult> WaitAsync(string executionArn, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            using var doc = await CallSfnAsync("DescribeExecution", new JsonObject { ["executionArn"] = executionArn });
            var root = doc.RootElement;
            var status = root.GetProperty("status").GetString()!;
            if (status != "RUNNING")
            {
                return new ExecutionResult(executionArn, status, Text(root, "output"), Text(root, "error"), Text(root, "cause"), await HistoryAsync(executionArn));
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                var history = await HistoryAsync(executionArn);
                throw new TimeoutException($"execution {executionArn} still RUNNING after {timeout}; last events: {string.Join(", ", history.TakeLast(5).Select(e => e["type"]))}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Starts and waits in one call.</summary>
    public async Task<ExecutionResult> RunAsync(string stateMachineArn, string inputJson, TimeSpan? timeout = null) =>
        await WaitAsync(await StartExecutionAsync(stateMachineArn, inputJson), timeout);

    /// <summary>The execution's history events, oldest first, each as a JSON object (type, *EventDetails).</summary>
    public async Task<IReadOnlyList<JsonObject>> HistoryAsync(string executionArn)
    {
        var events = new List<JsonObject>();
        string? token = null;
        do
        {
            var request = new JsonObject { ["executionArn"] = executionArn, ["maxResults"] = 1000 };
            if (token is not null)
            {
                request["nextToken"] = token;
            }

            using var doc = await CallSfnAsync("GetExecutionHistory", request);
            var node = JsonNode.Parse(doc.RootElement.GetRawText())!.AsObject();
            events.AddRange(node["events"]!.AsArray().Select(e => e!.AsObject()));
            token = node["nextToken"]?.GetValue<string>();
        }
        while (token is not null);
        return events;
    }

    /// <summary>
    /// Creates a Lambda function in moto whose invocations moto forwards to <paramref name="forwarder"/>
    /// (scripts/services/moto_server.py) and returns its ARN.
    /// </summary>
    public async Task<string> CreateForwardedFunctionAsync(string functionName, LambdaForwarder forwarder)
    {
        ArgumentNullException.ThrowIfNull(forwarder);
        await EnsureRoleAsync();
        var body = new JsonObject
        {
            ["FunctionName"] = functionName,
            ["Runtime"] = "dotnet8",
            ["Role"] = RoleArn,
            ["Handler"] = "forwarded",
            ["Code"] = new JsonObject { ["ZipFile"] = Convert.ToBase64String(EmptyZip()) },
            ["Environment"] = new JsonObject { ["Variables"] = new JsonObject { ["MOTO_FORWARD_INVOKE_URL"] = forwarder.Url.ToString() } },
        };
        var response = await _lambda.SendAsync(new AwsHttpRequest("CreateFunction", HttpMethod.Post, "/2015-03-31/functions",
            Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", new Dictionary<string, string>()), CancellationToken.None);
        using var doc = JsonDocument.Parse(response.Body);
        return doc.RootElement.GetProperty("FunctionArn").GetString()!;
    }

    /// <summary>Creates an on-demand DynamoDB table in moto with a string hash key.</summary>
    public async Task CreateTableAsync(string tableName, string hashKey)
    {
        var body = new JsonObject
        {
            ["TableName"] = tableName,
            ["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = hashKey, ["KeyType"] = "HASH" }),
            ["AttributeDefinitions"] = new JsonArray(new JsonObject { ["AttributeName"] = hashKey, ["AttributeType"] = "S" }),
            ["BillingMode"] = "PAY_PER_REQUEST",
        };
        await _dynamoDb.SendAsync(new AwsHttpRequest("CreateTable", HttpMethod.Post, "/", Encoding.UTF8.GetBytes(body.ToJsonString()),
            "application/x-amz-json-1.0", new Dictionary<string, string> { ["X-Amz-Target"] = "DynamoDB_20120810.CreateTable" }), CancellationToken.None);
    }

    /// <summary>Counts the items of a moto DynamoDB table.</summary>
    public async Task<int> CountItemsAsync(string tableName)
    {
        var body = new JsonObject { ["TableName"] = tableName, ["Select"] = "COUNT" };
        var response = await _dynamoDb.SendAsync(new AwsHttpRequest("Scan", HttpMethod.Post, "/", Encoding.UTF8.GetBytes(body.ToJsonString()),
            "application/x-amz-json-1.0", new Dictionary<string, string> { ["X-Amz-Target"] = "DynamoDB_20120810.Scan" }), CancellationToken.None);
        using var doc = JsonDocument.Parse(response.Body);
        return doc.RootElement.GetProperty("Count").GetInt32();
    }

    /// <summary>
    /// Turns a synthesized <c>DefinitionString</c> (a string, or <c>Fn::Join</c> of strings, <c>Ref</c> and
    /// <c>Fn::GetAtt</c>) into the JSON text AWS would see. <paramref name="values"/> maps <c>Ref</c> logical ids and
    /// <c>LogicalId.Attribute</c> to the moto value; pseudo parameters get moto's account, the test region and
    /// partition <c>aws</c>. An unmapped reference fails, naming it.
    /// </summary>
    public static string ResolveDefinition(JsonNode definitionString, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(definitionString);
        ArgumentNullException.ThrowIfNull(values);
        return Resolve(definitionString, values);
    }

    /// <summary>Finds the one <c>AWS::StepFunctions::StateMachine</c> of a template whose logical id starts with <paramref name="logicalIdPrefix"/>.</summary>
    public static (string LogicalId, JsonNode DefinitionString) FindStateMachine(JsonObject template, string logicalIdPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(template);
        var matches = template["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::StepFunctions::StateMachine" && r.Key.StartsWith(logicalIdPrefix, StringComparison.Ordinal))
            .ToList();
        if (matches.Count != 1)
        {
            throw new InvalidOperationException($"expected one state machine with logical id prefix '{logicalIdPrefix}', found {matches.Count}: {string.Join(", ", matches.Select(m => m.Key))}");
        }

        return (matches[0].Key, matches[0].Value!["Properties"]!["DefinitionString"]!);
    }

    private static string Resolve(JsonNode node, IReadOnlyDictionary<string, string> values)
    {
        if (node is JsonValue value)
        {
            return value.GetValue<string>();
        }

        var obj = node.AsObject();
        if (obj["Fn::Join"] is JsonArray join)
        {
            var separator = join[0]!.GetValue<string>();
            return string.Join(separator, join[1]!.AsArray().Select(part => Resolve(part!, values)));
        }

        if (obj["Ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>();
            return name switch
            {
                "AWS::Partition" => "aws",
                "AWS::Region" => TestArns.Region,
                "AWS::AccountId" => "123456789012",
                "AWS::URLSuffix" => "amazonaws.com",
                _ when values.TryGetValue(name, out var v) => v,
                _ => throw new KeyNotFoundException($"the definition references '{name}' (Ref); map it in the values given to ResolveDefinition"),
            };
        }

        if (obj["Fn::GetAtt"] is JsonArray getAtt)
        {
            var key = $"{getAtt[0]!.GetValue<string>()}.{getAtt[1]!.GetValue<string>()}";
            return values.TryGetValue(key, out var v) ? v
                : throw new KeyNotFoundException($"the definition references '{key}' (Fn::GetAtt); map it in the values given to ResolveDefinition");
        }

        throw new NotSupportedException($"cannot resolve {obj.ToJsonString()} in a definition");
    }

    // moto's CreateFunction checks that the role exists and Lambda may assume it.
    private async Task EnsureRoleAsync()
    {
        const string trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"lambda.amazonaws.com\",\"states.amazonaws.com\"]},\"Action\":\"sts:AssumeRole\"}]}";
        var form = "Action=CreateRole&Version=2010-05-08&RoleName=sfn-harness&AssumeRolePolicyDocument=" + Uri.EscapeDataString(trust);
        try
        {
            await _iam.SendAsync(new AwsHttpRequest("CreateRole", HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form),
                "application/x-www-form-urlencoded; charset=utf-8", new Dictionary<string, string>()), CancellationToken.None);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "EntityAlreadyExists")
        {
        }
    }

    private async Task<JsonDocument> CallSfnAsync(string action, JsonObject body)
    {
        var response = await _sfn.SendAsync(new AwsHttpRequest(action, HttpMethod.Post, "/", Encoding.UTF8.GetBytes(body.ToJsonString()),
            "application/x-amz-json-1.0", new Dictionary<string, string> { ["X-Amz-Target"] = $"AWSStepFunctions.{action}" }), CancellationToken.None);
        return JsonDocument.Parse(response.Body);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] EmptyZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("forwarded.txt").Open());
            writer.Write("invocations of this function are forwarded to a test-hosted handler");
        }

        return buffer.ToArray();
    }
}
