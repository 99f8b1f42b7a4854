using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Recovery;

/// <summary>
/// The Amazon States Language definition of <c>&lt;store&gt;-store-recovery</c>, built in one place so the construct
/// deploys it and the tests run the same JSON in moto's interpreter. Flow: discover the tier's resources by tag
/// (<c>aws-sdk:resourcegroupstaggingapi:getResources</c>, page by page) → plan one point in time (or refuse, nothing
/// created) → restore, poll (bounded) and validate every resource in parallel (a failed branch becomes a FAILED result
/// beside the others) → report → drill mode: delete what this execution created (also after a failure) → outcome.
/// </summary>
public static class RecoveryStateMachineDefinition
{
    /// <summary>
    /// Resource type filters of GetResources: "service[:resourceType]" as in the ARN
    /// (https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_GetResources.html). Its TagFilters:
    /// "Specifies a list of TagFilters (keys and values) to restrict the output to only those resources that have tags
    /// with the specified keys and, if included, the specified values. Each TagFilter must contain a key with values
    /// optional." — one filter, the tier key with the one tier value.
    /// </summary>
    public static IReadOnlyList<string> ResourceTypeFilters { get; } = ["dynamodb:table", "rds:db", "rds:cluster", "s3"];

    // Lambda's transient errors, retried as Step Functions recommends: "\"ErrorEquals\": [ \"Lambda.ClientExecutionTimeoutException\",
    // \"Lambda.ServiceException\", \"Lambda.AWSLambdaException\", \"Lambda.SdkClientException\"], \"IntervalSeconds\": 2,
    // \"MaxAttempts\": 6, \"BackoffRate\": 2" and "When Lambda hits the maximum number of invocations, the error is
    // Lambda.TooManyRequestsException." (https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html)
    private static readonly string[] LambdaTransient = ["Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"];

    /// <summary>Builds the definition JSON.</summary>
    /// <param name="functionArn">ARN of the recovery function (a token or <c>${RecoveryFunctionArn}</c> substitution in CDK).</param>
    /// <param name="defaultTier">Tier used when the input names none.</param>
    /// <param name="pollInterval">Wait between two status polls of a restore or a deletion.</param>
    /// <param name="restoreTimeout">How long a resource may take to become usable before its branch fails (bounded polling).</param>
    public static string Build(string functionArn, TierName defaultTier, TimeSpan pollInterval, TimeSpan restoreTimeout)
    {
        var interval = Math.Max(1, (int)pollInterval.TotalSeconds);
        var maxPolls = Math.Max(1, (int)Math.Ceiling(restoreTimeout.TotalSeconds / interval));
        JsonObject Lambda(JsonObject parameters, string? resultPath, string? next, bool end = false, JsonArray? catches = null)
        {
            var task = new JsonObject
            {
                ["Type"] = "Task",
                ["Resource"] = functionArn,
                ["Parameters"] = parameters,
                ["Retry"] = new JsonArray(new JsonObject
                {
                    ["ErrorEquals"] = new JsonArray([.. LambdaTransient.Select(e => (JsonNode)e)]),
                    ["IntervalSeconds"] = 2,
                    ["MaxAttempts"] = 6,
                    ["BackoffRate"] = 2,
                }),
            };
            if (resultPath is not null)
            {
                task["ResultPath"] = resultPath;
            }

            if (catches is not null)
            {
                task["Catch"] = catches;
            }

            if (end)
            {
                task["End"] = true;
            }
            else
            {
                task["Next"] = next;
            }

            return task;
        }

        JsonArray CatchAll(string next, string resultPath) => new(new JsonObject
        {
            ["ErrorEquals"] = new JsonArray("States.ALL"),
            ["ResultPath"] = resultPath,
            ["Next"] = next,
        });

        var restoreBranch = new JsonObject
        {
            ["ProcessorConfig"] = new JsonObject { ["Mode"] = "INLINE" },
            ["StartAt"] = "StartRestore",
            ["States"] = new JsonObject
            {
                ["StartRestore"] = Lambda(new JsonObject
                {
                    ["action"] = "start",
                    ["resource.$"] = "$.resource",
                    ["pointInTime.$"] = "$.pointInTime",
                    ["executionName.$"] = "$.executionName",
                }, "$.resource", "WaitForRestore", catches: CatchAll("BranchFailed", "$.error")),
                ["WaitForRestore"] = new JsonObject { ["Type"] = "Wait", ["Seconds"] = interval, ["Next"] = "PollRestore" },
                ["PollRestore"] = Lambda(new JsonObject
                {
                    ["action"] = "poll",
                    ["resource.$"] = "$.resource",
                    ["attempt.$"] = "$.poll.attempt",
                    ["executionName.$"] = "$.executionName",
                }, "$.poll", "RestoreReady", catches: CatchAll("BranchFailed", "$.error")),
                ["RestoreReady"] = new JsonObject
                {
                    ["Type"] = "Choice",
                    ["Choices"] = new JsonArray(
                        new JsonObject { ["Variable"] = "$.poll.state", ["StringEquals"] = "READY", ["Next"] = "Validate" },
                        new JsonObject { ["Variable"] = "$.poll.state", ["StringEquals"] = "FAILED", ["Next"] = "RestoreFailed" },
                        new JsonObject { ["Variable"] = "$.poll.attempt", ["NumericGreaterThanEquals"] = maxPolls, ["Next"] = "RestoreTimedOut" }),
                    ["Default"] = "CarryResource",
                },
                ["CarryResource"] = new JsonObject
                {
                    ["Type"] = "Pass",
                    ["InputPath"] = "$.poll.resource",
                    ["ResultPath"] = "$.resource",
                    ["Next"] = "WaitForRestore",
                },
                ["Validate"] = Lambda(new JsonObject
                {
                    ["action"] = "validate",
                    ["resource.$"] = "$.poll.resource",
                    ["tier.$"] = "$.tier",
                    ["startedAt.$"] = "$.startedAt",
                    ["mode.$"] = "$.mode",
                }, null, null, end: true, catches: CatchAll("BranchFailed", "$.error")),
                ["RestoreFailed"] = new JsonObject
                {
                    ["Type"] = "Pass",
                    ["Parameters"] = new JsonObject { ["resource.$"] = "$.poll.resource", ["status"] = "FAILED", ["error.$"] = "$.poll.message" },
                    ["End"] = true,
                },
                ["RestoreTimedOut"] = new JsonObject
                {
                    ["Type"] = "Pass",
                    ["Parameters"] = new JsonObject
                    {
                        ["resource.$"] = "$.poll.resource",
                        ["status"] = "FAILED",
                        ["error"] = string.Create(CultureInfo.InvariantCulture, $"not usable after {maxPolls} polls {interval} s apart"),
                    },
                    ["End"] = true,
                },
                ["BranchFailed"] = new JsonObject
                {
                    ["Type"] = "Pass",
                    ["Parameters"] = new JsonObject { ["resource.$"] = "$.resource", ["status"] = "FAILED", ["error.$"] = "$.error.Cause" },
                    ["End"] = true,
                },
            },
        };

        var cleanupBranch = new JsonObject
        {
            ["ProcessorConfig"] = new JsonObject { ["Mode"] = "INLINE" },
            ["StartAt"] = "Delete",
            ["States"] = new JsonObject
            {
                ["Delete"] = Lambda(new JsonObject
                {
                    ["action"] = "cleanup",
                    ["resource.$"] = "$.resource",
                    ["results.$"] = "$.results",
                    ["executionName.$"] = "$.executionName",
                    ["attempt.$"] = "$.cleanup.attempt",
                }, "$.cleanup", "Deleted"),
                ["Deleted"] = new JsonObject
                {
                    ["Type"] = "Choice",
                    ["Choices"] = new JsonArray(
                        new JsonObject { ["Variable"] = "$.cleanup.state", ["StringEquals"] = "GONE", ["Next"] = "CleanupDone" },
                        new JsonObject { ["Variable"] = "$.cleanup.state", ["StringEquals"] = "REFUSED", ["Next"] = "CleanupDone" },
                        new JsonObject { ["Variable"] = "$.cleanup.attempt", ["NumericGreaterThanEquals"] = maxPolls, ["Next"] = "CleanupDone" }),
                    ["Default"] = "WaitForDeletion",
                },
                ["WaitForDeletion"] = new JsonObject { ["Type"] = "Wait", ["Seconds"] = interval, ["Next"] = "Delete" },
                ["CleanupDone"] = new JsonObject { ["Type"] = "Pass", ["OutputPath"] = "$.cleanup", ["End"] = true },
            },
        };

        var states = new JsonObject
        {
            ["Init"] = new JsonObject
            {
                ["Type"] = "Pass",
                ["Parameters"] = new JsonObject
                {
                    ["input.$"] = "$",
                    ["defaults"] = new JsonObject { ["tier"] = defaultTier.TagValue() },
                    ["execution"] = new JsonObject { ["name.$"] = "$$.Execution.Name", ["startTime.$"] = "$$.Execution.StartTime" },
                    ["collected"] = new JsonObject { ["arns"] = new JsonArray(), ["token"] = string.Empty },
                    // Replaced by the Restore map's results; stays empty when the run fails before them, so the cleanup
                    // can always read it (it finds the S3 restore job ids there, which the plan does not have).
                    ["results"] = new JsonArray(),
                },
                ["Next"] = "Request",
            },
            ["Request"] = new JsonObject
            {
                ["Type"] = "Pass",
                ["Parameters"] = new JsonObject { ["merged.$"] = "States.JsonMerge($.defaults, $.input, false)" },
                ["ResultSelector"] = null,
                ["ResultPath"] = "$.request",
                ["Next"] = "Discover",
            },
            ["Discover"] = new JsonObject
            {
                ["Type"] = "Task",
                ["Resource"] = "arn:aws:states:::aws-sdk:resourcegroupstaggingapi:getResources",
                ["Parameters"] = new JsonObject
                {
                    ["TagFilters"] = new JsonArray(new JsonObject
                    {
                        ["Key"] = TagContract.TierKey,
                        ["Values.$"] = "States.Array($.request.merged.tier)",
                    }),
                    [nameof(ResourceTypeFilters)] = new JsonArray([.. ResourceTypeFilters.Select(f => (JsonNode)f)]),
                    ["ResourcesPerPage"] = 100,
                    ["PaginationToken.$"] = "$.collected.token",
                },
                ["ResultPath"] = "$.page",
                ["Retry"] = new JsonArray(new JsonObject
                {
                    ["ErrorEquals"] = new JsonArray("ResourceGroupsTaggingApi.ThrottledException", "ResourceGroupsTaggingApi.InternalServiceException"),
                    ["IntervalSeconds"] = 2,
                    ["MaxAttempts"] = 6,
                    ["BackoffRate"] = 2,
                }),
                ["Next"] = "Collect",
            },
            ["Collect"] = Lambda(new JsonObject { ["action"] = "collect", ["collected.$"] = "$.collected", ["page.$"] = "$.page" }, "$.collected", "MorePages"),
            ["MorePages"] = new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(new JsonObject { ["Variable"] = "$.collected.token", ["StringEquals"] = string.Empty, ["Next"] = "Plan" }),
                ["Default"] = "Discover",
            },
            ["Plan"] = Lambda(new JsonObject
            {
                ["action"] = "plan",
                ["input.$"] = "$.input",
                ["execution.$"] = "$.execution",
                ["arns.$"] = "$.collected.arns",
            }, "$.plan", "Refused"),
            ["Refused"] = new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(new JsonObject { ["Variable"] = "$.plan.refused", ["BooleanEquals"] = true, ["Next"] = "Refuse" }),
                ["Default"] = "Restore",
            },
            ["Refuse"] = new JsonObject { ["Type"] = "Fail", ["Error"] = "RecoveryRefused", ["CausePath"] = "$.plan.reason" },
            ["Restore"] = new JsonObject
            {
                ["Type"] = "Map",
                ["ItemsPath"] = "$.plan.resources",
                ["ItemSelector"] = new JsonObject
                {
                    ["resource.$"] = "$$.Map.Item.Value",
                    ["pointInTime.$"] = "$.plan.pointInTime",
                    ["executionName.$"] = "$.plan.executionName",
                    ["tier.$"] = "$.plan.tier",
                    ["startedAt.$"] = "$.plan.startedAt",
                    ["mode.$"] = "$.plan.mode",
                    ["poll"] = new JsonObject { ["attempt"] = 0 },
                },
                ["MaxConcurrency"] = 0,
                ["ItemProcessor"] = restoreBranch,
                ["ResultPath"] = "$.results",
                ["Catch"] = CatchAll("ReportFailure", "$.failure"),
                ["Next"] = "Report",
            },
            ["Report"] = Lambda(new JsonObject { ["action"] = "report", ["plan.$"] = "$.plan", ["results.$"] = "$.results" }, "$.report", "CleanupWanted",
                catches: CatchAll("CleanupWanted", "$.failure")),
            ["ReportFailure"] = Lambda(new JsonObject { ["action"] = "report", ["plan.$"] = "$.plan", ["results"] = new JsonArray(), ["failure.$"] = "$.failure" }, "$.report", "CleanupWanted",
                catches: CatchAll("CleanupWanted", "$.reportFailure")),
            ["CleanupWanted"] = new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(new JsonObject { ["Variable"] = "$.plan.mode", ["StringEquals"] = "drill", ["Next"] = "Cleanup" }),
                ["Default"] = "Outcome",
            },
            ["Cleanup"] = new JsonObject
            {
                ["Type"] = "Map",
                ["ItemsPath"] = "$.plan.resources",
                ["ItemSelector"] = new JsonObject
                {
                    ["resource.$"] = "$$.Map.Item.Value",
                    ["results.$"] = "$.results",
                    ["executionName.$"] = "$.plan.executionName",
                    ["cleanup"] = new JsonObject { ["attempt"] = 0 },
                },
                ["MaxConcurrency"] = 0,
                ["ItemProcessor"] = cleanupBranch,
                ["ResultPath"] = "$.cleanup",
                ["Catch"] = CatchAll("Failed", "$.cleanupFailure"),
                ["Next"] = "Outcome",
            },
            ["Outcome"] = new JsonObject
            {
                ["Type"] = "Choice",
                ["Choices"] = new JsonArray(
                    new JsonObject { ["Variable"] = "$.failure", ["IsPresent"] = true, ["Next"] = "Failed" },
                    new JsonObject
                    {
                        ["And"] = new JsonArray(
                            new JsonObject { ["Variable"] = "$.report.passed", ["IsPresent"] = true },
                            new JsonObject { ["Variable"] = "$.report.passed", ["BooleanEquals"] = true }),
                        ["Next"] = "Recovered",
                    }),
                ["Default"] = "Failed",
            },
            ["Recovered"] = new JsonObject { ["Type"] = "Pass", ["OutputPath"] = "$.report", ["Next"] = "Done" },
            ["Done"] = new JsonObject { ["Type"] = "Succeed" },
            ["Failed"] = new JsonObject
            {
                ["Type"] = "Fail",
                ["Error"] = "RecoveryFailed",
                ["Cause"] = "The store was not fully recovered and validated; the recovery report in the drill report bucket (recovery/yyyy/MM/dd/<execution>.md) and the execution history say which resource and check failed.",
            },
        };
        ((JsonObject)states["Request"]!).Remove("ResultSelector");

        var definition = new JsonObject
        {
            ["Comment"] = "Store recovery (DESIGN §10): every resource of a tier restored to one point in time, validated, measured; drill mode deletes what it created.",
            ["StartAt"] = "Init",
            ["States"] = states,
        };
        return definition.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
