using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// The drill flow's Amazon States Language (JSONPath) definition, written for AWS. One execution per restore job
/// (started by the plan's <c>Restore Job State Change</c> event, whose JSON is the execution input): inspect the job
/// (waiting and reading again while an early final event races the job's final state), take the per-job lock
/// (exactly one verdict under duplicate deliveries), add a temporary instance to a memberless Aurora cluster and poll
/// it with backoff bounded by the validation window, validate, delete the temporary instance and poll until it is gone,
/// record. Every wait is a Wait state; each Lambda call is one short action of the validator.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Lambda tasks use the optimized integration <c>arn:aws:states:::lambda:invoke</c>; its result's function output
/// is <c>Payload</c>. Transient Lambda service errors are retried as the Step Functions guide recommends: "Lambda.ServiceException,
/// Lambda.AWSLambdaException, Lambda.SdkClientException" (https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html).</item>
/// <item>The lock is the optimized DynamoDB integration <c>arn:aws:states:::dynamodb:putItem</c> with a
/// <c>ConditionExpression</c>; a duplicate execution fails with <c>DynamoDB.ConditionalCheckFailedException</c> and ends
/// without a verdict. Its parameters are DynamoDB's own API names (TableName, Item, ConditionExpression), so no SDK-casing
/// question arises; no <c>aws-sdk:*</c> task is used (AWS names their parameters in the Java SDK's PascalCase, moto in boto's).</item>
/// <item>A function error's name is the exception type (<c>TransientDrillException</c> for AWS throttling, 5xx and timeouts).</item>
/// </list>
/// </remarks>
internal static class DrillFlowDefinition
{
    /// <summary>Name of the error the validator raises for transient failures; the flow retries it.</summary>
    public const string TransientError = DrillFlowContract.TransientError;

    private static readonly string[] LambdaServiceErrors = ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"];

    public static string Build(string functionArn, string lockTableName)
    {
        JsonObject Invoke(string action, JsonObject payload, string resultPath, string next, int retryInterval, double backoff, int attempts, JsonArray? catches = null)
        {
            payload[DrillFlowContract.ActionField] = action;
            var state = new JsonObject
            {
                ["Type"] = "Task",
                ["Resource"] = "arn:aws:states:::lambda:invoke",
                ["Parameters"] = new JsonObject { ["FunctionName"] = functionArn, ["Payload"] = payload },
                ["ResultSelector"] = new JsonObject { ["result.$"] = "$.Payload" },
                ["ResultPath"] = resultPath,
                ["Retry"] = new JsonArray(
                    new JsonObject { ["ErrorEquals"] = Strings(LambdaServiceErrors), ["IntervalSeconds"] = 2, ["BackoffRate"] = 2, ["MaxAttempts"] = 6 },
                    new JsonObject { ["ErrorEquals"] = Strings([TransientError]), ["IntervalSeconds"] = retryInterval, ["BackoffRate"] = backoff, ["MaxAttempts"] = attempts }),
                ["Next"] = next,
            };
            if (catches is not null)
            {
                state["Catch"] = catches;
            }

            return state;
        }

        JsonObject Drill() => new() { ["drill.$"] = "$.inspect.result" };
        JsonObject WithEvent(JsonObject o)
        {
            o["event.$"] = "$.event";
            return o;
        }

        var states = new JsonObject
        {
            // The execution input is the EventBridge event; everything the flow adds lives beside it.
            ["Start"] = new JsonObject
            {
                ["Type"] = "Pass",
                ["Parameters"] = new JsonObject
                {
                    ["event.$"] = "$",
                    ["attempt"] = 0,
                    ["validate"] = new JsonObject(),
                    ["poll"] = new JsonObject { ["result"] = new JsonObject { ["attempt"] = 0, ["waitSeconds"] = 1, ["gone"] = false } },
                },
                ["Next"] = "Inspect",
            },
            ["Inspect"] = Invoke(DrillFlowContract.Inspect, WithEvent(new JsonObject { ["attempt.$"] = "$.attempt" }), "$.inspect", "Decide", 2, 2, 8),
            ["Decide"] = new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(
                    Equals("$.inspect.result.decision", DrillFlowContract.DecideValidate, "Lock"),
                    Equals("$.inspect.result.decision", DrillFlowContract.DecideRecordFailure, "Lock"),
                    Equals("$.inspect.result.decision", DrillFlowContract.DecideWait, "WaitForFinalJobState"),
                    Equals("$.inspect.result.decision", DrillFlowContract.DecideGaveUp, "JobNeverReadFinal")),
                ["Default"] = "NothingToValidate",
            },
            ["WaitForFinalJobState"] = new JsonObject { ["Type"] = "Wait", ["SecondsPath"] = "$.inspect.result.waitSeconds", ["Next"] = "CountInspection" },
            ["CountInspection"] = new JsonObject { ["Type"] = "Pass", ["InputPath"] = "$.inspect.result.attempt", ["ResultPath"] = "$.attempt", ["Next"] = "Inspect" },
            ["JobNeverReadFinal"] = new JsonObject { ["Type"] = "Fail", ["Error"] = "RestoreJobNeverReadFinal", ["Cause"] = "A final Restore Job State Change event arrived, but DescribeRestoreJob never read a final status; the job was not validated." },
            ["NothingToValidate"] = new JsonObject { ["Type"] = "Succeed" },
            ["Lock"] = new JsonObject
            {
                ["Type"] = "Task",
                ["Resource"] = "arn:aws:states:::dynamodb:putItem",
                ["Parameters"] = new JsonObject
                {
                    ["TableName"] = lockTableName,
                    ["Item"] = new JsonObject
                    {
                        ["restoreJobId"] = new JsonObject { ["S.$"] = "$.inspect.result.restoreJobId" },
                        ["executionId"] = new JsonObject { ["S.$"] = "$$.Execution.Id" },
                        ["expiresAt"] = new JsonObject { ["N.$"] = "$.inspect.result.lockExpiresAt" },
                    },
                    ["ConditionExpression"] = "attribute_not_exists(restoreJobId)",
                },
                ["ResultPath"] = null,
                ["Retry"] = new JsonArray(new JsonObject
                {
                    ["ErrorEquals"] = Strings(["DynamoDB.ProvisionedThroughputExceededException", "DynamoDB.ThrottlingException", "DynamoDB.InternalServerErrorException", "DynamoDB.RequestLimitExceeded"]),
                    ["IntervalSeconds"] = 2,
                    ["BackoffRate"] = 2,
                    ["MaxAttempts"] = 6,
                }),
                ["Catch"] = new JsonArray(new JsonObject { ["ErrorEquals"] = Strings(["DynamoDB.ConditionalCheckFailedException"]), ["Next"] = "DuplicateExecution" }),
                ["Next"] = "AfterLock",
            },
            ["DuplicateExecution"] = new JsonObject { ["Type"] = "Succeed" },
            ["AfterLock"] = new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(
                    Equals("$.inspect.result.decision", DrillFlowContract.DecideRecordFailure, "Record"),
                    new JsonObject { ["Variable"] = "$.inspect.result.needsTemporaryInstance", ["BooleanEquals"] = true, ["Next"] = "CreateTemporaryInstance" }),
                ["Default"] = "Validate",
            },
            ["CreateTemporaryInstance"] = Invoke(DrillFlowContract.CreateInstance, Drill(), "$.created", "WaitForInstance", 10, 2, 6,
                new JsonArray(new JsonObject { ["ErrorEquals"] = Strings(["States.ALL"]), ["ResultPath"] = "$.validate", ["Next"] = "DeleteTemporaryInstance" })),
            ["WaitForInstance"] = new JsonObject { ["Type"] = "Wait", ["SecondsPath"] = "$.poll.result.waitSeconds", ["Next"] = "PollInstance" },
            ["PollInstance"] = Invoke(DrillFlowContract.InstanceStatus, new JsonObject { ["drill.$"] = "$.inspect.result", ["attempt.$"] = "$.poll.result.attempt" }, "$.poll", "InstanceReady", 5, 2, 6),
            ["InstanceReady"] = new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(
                    new JsonObject { ["Variable"] = "$.poll.result.ready", ["BooleanEquals"] = true, ["Next"] = "Validate" },
                    new JsonObject { ["Variable"] = "$.poll.result.pastDeadline", ["BooleanEquals"] = true, ["Next"] = "Validate" }),
                ["Default"] = "WaitForInstance",
            },
            ["Validate"] = Invoke(DrillFlowContract.Validate, WithEvent(Drill()), "$.validate", "NeedsCleanup", 30, 2, 4,
                new JsonArray(new JsonObject { ["ErrorEquals"] = Strings(["States.ALL"]), ["ResultPath"] = "$.validate", ["Next"] = "NeedsCleanup" })),
            ["NeedsCleanup"] = new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(new JsonObject { ["Variable"] = "$.inspect.result.needsTemporaryInstance", ["BooleanEquals"] = true, ["Next"] = "DeleteTemporaryInstance" }),
                ["Default"] = "Record",
            },
            ["DeleteTemporaryInstance"] = Invoke(DrillFlowContract.DeleteInstance, Drill(), "$.deleted", "ResetPoll", 15, 1.5, 12,
                new JsonArray(new JsonObject { ["ErrorEquals"] = Strings(["States.ALL"]), ["ResultPath"] = "$.deleteError", ["Next"] = "Record" })),
            ["ResetPoll"] = new JsonObject
            {
                ["Type"] = "Pass",
                ["Result"] = new JsonObject { ["result"] = new JsonObject { ["attempt"] = 0, ["waitSeconds"] = 1, ["gone"] = false } },
                ["ResultPath"] = "$.poll",
                ["Next"] = "WaitForDeletion",
            },
            ["WaitForDeletion"] = new JsonObject { ["Type"] = "Wait", ["SecondsPath"] = "$.poll.result.waitSeconds", ["Next"] = "PollDeletion" },
            ["PollDeletion"] = Invoke(DrillFlowContract.InstanceStatus, new JsonObject { ["drill.$"] = "$.inspect.result", ["attempt.$"] = "$.poll.result.attempt" }, "$.poll", "InstanceGone", 5, 2, 6),
            ["InstanceGone"] = new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(
                    new JsonObject { ["Variable"] = "$.poll.result.gone", ["BooleanEquals"] = true, ["Next"] = "Record" },
                    new JsonObject { ["Variable"] = "$.poll.result.pastDeadline", ["BooleanEquals"] = true, ["Next"] = "Record" }),
                ["Default"] = "WaitForDeletion",
            },
            // Report first, then PutRestoreValidationResult unless already recorded: retried until the report exists.
            ["Record"] = Invoke(DrillFlowContract.Record, WithEvent(new JsonObject
            {
                ["drill.$"] = "$.inspect.result",
                // The validate step's output ({"result": verdict}), its error ({"Error", "Cause"}) or {} when it did not run.
                ["validate.$"] = "$.validate",
                ["instance.$"] = "$.poll.result",
            }), "$.recorded", "Recorded", 5, 2, 10),
            ["Recorded"] = new JsonObject { ["Type"] = "Succeed" },
        };
        return new JsonObject
        {
            ["Comment"] = "Restore drill flow: one execution per restore job of the restore testing plan (DESIGN §6).",
            ["StartAt"] = "Start",
            ["States"] = states,
        }.ToJsonString();
    }

    private static JsonObject Equals(string variable, string value, string next) =>
        new() { ["Variable"] = variable, ["StringEquals"] = value, ["Next"] = next };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
