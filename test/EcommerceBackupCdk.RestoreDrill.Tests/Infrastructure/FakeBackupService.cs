using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>
/// AWS Backup's REST-JSON restore-job routes, as documented: GET /restore-jobs/{id} (DescribeRestoreJob,
/// epoch-seconds timestamps) and PUT /restore-jobs/{id}/validations (PutRestoreValidationResult, 204).
/// Moto has no restore jobs, so this plays the service behind a <see cref="LocalAwsServer"/>.
/// </summary>
public sealed class FakeBackupService
{
    private static readonly string[] ValidStatuses = ["FAILED", "SUCCESSFUL", "TIMED_OUT", "VALIDATING"];
    private readonly ConcurrentDictionary<string, JsonObject> _jobs = new();
    private readonly ConcurrentQueue<(string JobId, string Status, string? Message)> _validations = new();

    public IReadOnlyList<(string JobId, string Status, string? Message)> Validations => _validations.ToArray();

    /// <summary>When set, every PutRestoreValidationResult gets this answer (fault injection on the write path only).</summary>
    public Reply? PutFault { get; set; }

    public void AddJob(JsonObject job) => _jobs[(string)job["RestoreJobId"]!] = job;

    public JsonObject Job(string id) => _jobs[id];

    public Task<Reply> Handle(RecordedRequest request)
    {
        var parts = request.Path.Trim('/').Split('/');
        if (parts.Length == 2 && parts[0] == "restore-jobs" && request.Method == "GET")
        {
            return Task.FromResult(_jobs.TryGetValue(Uri.UnescapeDataString(parts[1]), out var job)
                ? new Reply(200, job.ToJsonString())
                : Error(400, "ResourceNotFoundException", $"Restore job {parts[1]} not found"));
        }

        if (parts.Length == 3 && parts[0] == "restore-jobs" && parts[2] == "validations" && request.Method == "PUT")
        {
            if (PutFault is { } fault)
            {
                return Task.FromResult(fault);
            }

            if (!_jobs.TryGetValue(Uri.UnescapeDataString(parts[1]), out var job))
            {
                return Task.FromResult(Error(400, "ResourceNotFoundException", $"Restore job {parts[1]} not found"));
            }

            if (request.Headers.TryGetValue("Content-Type", out var type) && !type.StartsWith("application/json", StringComparison.Ordinal))
            {
                return Task.FromResult(Error(400, "InvalidRequestException", $"Content-Type {type}"));
            }

            JsonNode? body;
            try
            {
                body = JsonNode.Parse(request.BodyText);
            }
            catch (JsonException)
            {
                return Task.FromResult(Error(400, "InvalidRequestException", "body is not JSON"));
            }

            var status = (string?)body?["ValidationStatus"];
            if (status is null)
            {
                return Task.FromResult(Error(400, "MissingParameterValueException", "ValidationStatus is required"));
            }

            if (!ValidStatuses.Contains(status))
            {
                return Task.FromResult(Error(400, "InvalidParameterValueException", $"ValidationStatus {status} is not one of {string.Join(", ", ValidStatuses)}"));
            }

            var current = (string?)job["ValidationStatus"];
            if (current is "SUCCESSFUL" or "FAILED" or "TIMED_OUT")
            {
                return Task.FromResult(Error(400, "InvalidRequestException", $"Validation status is already {current}"));
            }

            var message = (string?)body?["ValidationStatusMessage"];
            _validations.Enqueue((parts[1], status, message));
            job["ValidationStatus"] = status;
            job["ValidationStatusMessage"] = message;
            return Task.FromResult(new Reply(204, string.Empty));
        }

        return Task.FromResult(Error(404, "UnknownOperationException", $"{request.Method} {request.Path}"));
    }

    private static Reply Error(int status, string code, string message) =>
        new(status, new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString()) { };

    /// <summary>A completed drill restore job as DescribeRestoreJob returns it.</summary>
    public static JsonObject CompletedJob(
        string jobId,
        string resourceType,
        string createdResourceArn,
        DateTimeOffset recoveryPointCreated,
        DateTimeOffset created,
        DateTimeOffset completed,
        string? planArn = TestArns.PlanArn,
        string status = "COMPLETED") => new()
        {
            ["AccountId"] = TestArns.Account,
            ["RestoreJobId"] = jobId,
            ["RecoveryPointArn"] = $"arn:aws:backup:{TestArns.Region}:{TestArns.Account}:recovery-point:{Guid.NewGuid()}",
            ["CreationDate"] = created.ToUnixTimeMilliseconds() / 1000.0,
            ["CompletionDate"] = completed.ToUnixTimeMilliseconds() / 1000.0,
            ["Status"] = status,
            ["PercentDone"] = "100.00%",
            ["BackupSizeInBytes"] = 1024,
            ["IamRoleArn"] = $"arn:aws:iam::{TestArns.Account}:role/RestoreTestRole",
            ["CreatedResourceArn"] = createdResourceArn,
            ["ResourceType"] = resourceType,
            ["RecoveryPointCreationDate"] = recoveryPointCreated.ToUnixTimeMilliseconds() / 1000.0,
            ["CreatedBy"] = planArn is null ? null : new JsonObject { ["RestoreTestingPlanArn"] = planArn },
        };
}
