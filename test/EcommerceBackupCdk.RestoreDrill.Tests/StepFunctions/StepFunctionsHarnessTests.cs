using System.Text.Json.Nodes;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure.StepFunctions;

namespace EcommerceBackupCdk.RestoreDrill.Tests.StepFunctions;

/// <summary>The harness itself: moto's interpreter runs Lambda (forwarded), optimized DynamoDB and Wait states, and reports failures.</summary>
[Collection(StepFunctionsCollection.Name)]
public sealed class StepFunctionsHarnessTests
{
    [Fact]
    public async Task RunAsync_LambdaDynamoDbAndWait_RunInMotoAndDuplicateKeyIsCaught()
    {
        var harness = new StepFunctionsHarness();
        var table = "harness-" + Guid.NewGuid().ToString("N")[..8];
        await harness.CreateTableAsync(table, "pk");
        await using var forwarder = new LambdaForwarder(body => Task.FromResult(new JsonObject { ["echo"] = JsonNode.Parse(body) }.ToJsonString()));
        var function = await harness.CreateForwardedFunctionAsync("harness-" + Guid.NewGuid().ToString("N")[..8], forwarder);
        var definition = new JsonObject
        {
            ["StartAt"] = "Lock",
            ["States"] = new JsonObject
            {
                ["Lock"] = new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::dynamodb:putItem",
                    ["Parameters"] = new JsonObject { ["TableName"] = table, ["Item"] = new JsonObject { ["pk"] = new JsonObject { ["S.$"] = "$.id" } }, ["ConditionExpression"] = "attribute_not_exists(pk)" },
                    ["ResultPath"] = null,
                    ["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = new JsonArray("DynamoDB.ConditionalCheckFailedException"), ["Next"] = "Duplicate" }),
                    ["Next"] = "Wait",
                },
                ["Wait"] = new JsonObject { ["Type"] = "Wait", ["Seconds"] = 1, ["Next"] = "Call" },
                ["Call"] = new JsonObject
                {
                    ["Type"] = "Task",
                    ["Resource"] = "arn:aws:states:::lambda:invoke",
                    ["Parameters"] = new JsonObject { ["FunctionName"] = function, ["Payload"] = new JsonObject { ["id.$"] = "$.id" } },
                    ["OutputPath"] = "$.Payload",
                    ["End"] = true,
                },
                ["Duplicate"] = new JsonObject { ["Type"] = "Succeed", ["OutputPath"] = null },
            },
        };
        var machine = await harness.CreateStateMachineAsync(definition.ToJsonString());

        var first = await harness.RunAsync(machine, "{\"id\":\"job-1\"}");
        var second = await harness.RunAsync(machine, "{\"id\":\"job-1\"}");

        first.Status.Should().Be("SUCCEEDED", first.Cause);
        first.OutputJson!["echo"]!["id"]!.GetValue<string>().Should().Be("job-1");
        first.StatesEntered.Should().Equal("Lock", "Wait", "Call");
        second.Status.Should().Be("SUCCEEDED");
        second.StatesEntered.Should().Equal("Lock", "Duplicate");
        forwarder.Invocations.Should().Be(1);
        (await harness.CountItemsAsync(table)).Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_ExecutionFailsWithTheExceptionTypeAsError()
    {
        var harness = new StepFunctionsHarness();
        await using var forwarder = new LambdaForwarder(_ => throw new TimeoutException("probe hung"));
        var function = await harness.CreateForwardedFunctionAsync("harness-" + Guid.NewGuid().ToString("N")[..8], forwarder);
        var definition = new JsonObject
        {
            ["StartAt"] = "Call",
            ["States"] = new JsonObject
            {
                ["Call"] = new JsonObject { ["Type"] = "Task", ["Resource"] = "arn:aws:states:::lambda:invoke", ["Parameters"] = new JsonObject { ["FunctionName"] = function }, ["End"] = true },
            },
        };
        var machine = await harness.CreateStateMachineAsync(definition.ToJsonString());

        var result = await harness.RunAsync(machine, "{}");

        result.Status.Should().Be("FAILED");
        result.Error.Should().Be("TimeoutException");
        result.Cause.Should().Contain("probe hung");
    }
}
