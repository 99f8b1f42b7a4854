using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Recovery;

/// <summary>
/// AWS Backup's S3 restore as documented, played behind a <see cref="LocalAwsServer"/> (moto has no AWS Backup restore
/// jobs): ListRecoveryPointsByResource (GET /resources/{arn}/recovery-points/), StartRestoreJob (PUT /restore-jobs) and
/// DescribeRestoreJob (GET /restore-jobs/{id}). It refuses what the docs say is wrong and models the inconvenient parts:
/// <list type="bullet">
/// <item>"// Mandatory metadata: DestinationBucketName" and "RestoreTime // The restore time (only valid for continuous
/// recovery points where it is required, in format 2021-11-27T03:30:27Z)"; "EncryptionType ... Options are original ...,
/// SSE-S3, or SSE-KMS"; "KMSKey // ... Only needed if encryption is SSE-KMS."
/// (https://docs.aws.amazon.com/aws-backup/latest/devguide/restoring-s3.html#s3-restore-cli)</item>
/// <item>Bucket names: "between 3 (min) and 63 (max) characters long", "only of lowercase letters, numbers, dots (.), and
/// hyphens (-)", "begin and end with a letter or number", "must not contain two adjacent periods"
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).</item>
/// <item>A job runs before it ends; a partial failure ends COMPLETED with "One or more objects failed to be restored from
/// {RecoveryPointARN} to {bucket}." and a total one FAILED with "No objects were restored from ..." (restoring-s3, S3
/// restore messages).</item>
/// <item>"Retrying a successful request with the same idempotency token results in a success message with no action
/// taken." (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_StartRestoreJob.html)</item>
/// </list>
/// ListScanJobs (GET /scan/jobs, https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ListScanJobs.html) is served
/// with its documented filters ByResourceArn ("Returns only scan jobs that match the specified resource Amazon Resource
/// Name (ARN)"), ByState ("Valid Values: CANCELED | COMPLETED | COMPLETED_WITH_ISSUES | CREATED | FAILED | RUNNING"),
/// ByResourceType ("Valid Values: EBS | EC2 | S3") and ByScanResultStatus ("NO_THREATS_FOUND | THREATS_FOUND"); a value
/// outside those is refused with 400 InvalidParameterValueException (an error the operation "May throw"), and results
/// come in pages of <see cref="ScanPageSize"/> with an opaque NextToken; an unknown token is refused too.
/// A completed job creates the destination bucket in moto's S3 (through <see cref="CreateBucket"/>) so the cleanup has
/// something real to delete.
/// </summary>
internal sealed partial class FakeS3RestoreBackup
{
    private readonly ConcurrentDictionary<string, JsonArray> _points = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<JsonObject> _scans = new();
    private readonly ConcurrentDictionary<string, int> _scanTokens = new(StringComparer.Ordinal);

    /// <summary>ScanJobs per ListScanJobs page.</summary>
    public int ScanPageSize { get; set; } = 100;

    /// <summary>Every ListScanJobs query received.</summary>
    public ConcurrentQueue<string> ScanQueries { get; } = new();

    /// <summary>Creates the restored bucket with one object in it (moto S3).</summary>
    public required Func<string, Task> CreateBucket { get; init; }

    /// <summary>How the next started job ends: COMPLETED, PARTIAL (COMPLETED with lost objects) or FAILED.</summary>
    public string Outcome { get; set; } = "COMPLETED";

    /// <summary>Every StartRestoreJob body that was accepted.</summary>
    public ConcurrentQueue<JsonObject> Started { get; } = new();

    public static string ContinuousPoint(string name) => $"arn:aws:backup:{TestArns.Region}:{TestArns.Account}:recovery-point:continuous:{name}";

    public static string SnapshotPoint() => $"arn:aws:backup:{TestArns.Region}:{TestArns.Account}:recovery-point:{Guid.NewGuid()}";

    public void AddRecoveryPoint(string resourceArn, string recoveryPointArn, DateTimeOffset created, string status = "COMPLETED")
    {
        var list = _points.GetOrAdd(resourceArn, _ => []);
        list.Add(new JsonObject
        {
            ["RecoveryPointArn"] = recoveryPointArn,
            ["CreationDate"] = created.ToUnixTimeMilliseconds() / 1000.0,
            ["Status"] = status,
            ["BackupVaultName"] = "acme-vault",
        });
    }

    /// <summary>Adds one scan job of a recovery point of <paramref name="resourceArn"/> (shape of API_ScanJob).</summary>
    public void AddScanJob(string resourceArn, string recoveryPointArn, DateTimeOffset completed, string result, string state = "COMPLETED")
    {
        _scans.Enqueue(new JsonObject
        {
            ["AccountId"] = TestArns.Account,
            ["BackupVaultName"] = "acme-vault",
            ["ScanJobId"] = Guid.NewGuid().ToString(),
            ["MalwareScanner"] = "GUARDDUTY",
            ["RecoveryPointArn"] = recoveryPointArn,
            ["ResourceArn"] = resourceArn,
            ["ResourceType"] = "S3",
            ["CreationDate"] = completed.AddMinutes(-5).ToUnixTimeMilliseconds() / 1000.0,
            ["CompletionDate"] = completed.ToUnixTimeMilliseconds() / 1000.0,
            ["State"] = state,
            ["ScanResult"] = new JsonObject { ["ScanResultStatus"] = result },
        });
    }

    public async Task<Reply> Handle(RecordedRequest request)
    {
        var path = request.Path;
        if (request.Method == "GET" && path == "/scan/jobs")
        {
            return ListScanJobs(request.Query);
        }

        if (request.Method == "GET" && path.StartsWith("/resources/", StringComparison.Ordinal) && path.EndsWith("/recovery-points/", StringComparison.Ordinal))
        {
            var arn = Uri.UnescapeDataString(path["/resources/".Length..^"/recovery-points/".Length]);
            return new Reply(200, new JsonObject { ["RecoveryPoints"] = _points.TryGetValue(arn, out var list) ? list.DeepClone() : new JsonArray() }.ToJsonString());
        }

        if (request.Method == "PUT" && path == "/restore-jobs")
        {
            return Start(JsonNode.Parse(request.BodyText)!.AsObject());
        }

        if (request.Method == "GET" && path.StartsWith("/restore-jobs/", StringComparison.Ordinal))
        {
            var id = Uri.UnescapeDataString(path["/restore-jobs/".Length..]);
            if (!_jobs.TryGetValue(id, out var job))
            {
                return Error(400, "ResourceNotFoundException", $"Restore job {id} not found");
            }

            // The first describe sees the job RUNNING; the next one its end.
            if (job.Status == "RUNNING" && job.Describes++ > 0)
            {
                await EndAsync(job);
            }

            return new Reply(200, job.ToJson().ToJsonString());
        }

        return Error(404, "UnknownOperationException", $"{request.Method} {path}");
    }

    private Reply ListScanJobs(string query)
    {
        ScanQueries.Enqueue(query);
        var q = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty, StringComparer.Ordinal);
        string[] states = ["CANCELED", "COMPLETED", "COMPLETED_WITH_ISSUES", "CREATED", "FAILED", "RUNNING"];
        string[] types = ["EBS", "EC2", "S3"];
        string[] results = ["NO_THREATS_FOUND", "THREATS_FOUND"];
        foreach (var (name, allowed) in new[] { ("ByState", states), ("ByResourceType", types), ("ByScanResultStatus", results) })
        {
            if (q.TryGetValue(name, out var value) && !allowed.Contains(value, StringComparer.Ordinal))
            {
                return Error(400, "InvalidParameterValueException", $"{name} {value} is not one of {string.Join(" | ", allowed)}");
            }
        }

        var start = 0;
        if (q.TryGetValue("NextToken", out var token) && !_scanTokens.TryGetValue(token, out start))
        {
            return Error(400, "InvalidParameterValueException", $"NextToken {token} is not valid");
        }

        var matching = _scans.Where(j =>
            (!q.TryGetValue("ByResourceArn", out var arn) || (string?)j["ResourceArn"] == arn)
            && (!q.TryGetValue("ByState", out var st) || (string?)j["State"] == st)
            && (!q.TryGetValue("ByResourceType", out var ty) || (string?)j["ResourceType"] == ty)
            && (!q.TryGetValue("ByScanResultStatus", out var rs) || (string?)j["ScanResult"]!["ScanResultStatus"] == rs)).ToList();
        var page = new JsonArray(matching.Skip(start).Take(ScanPageSize).Select(j => (JsonNode)j.DeepClone()).ToArray());
        var body = new JsonObject { ["ScanJobs"] = page };
        if (start + ScanPageSize < matching.Count)
        {
            var next = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
            _scanTokens[next] = start + ScanPageSize;
            body["NextToken"] = next;
        }

        return new Reply(200, body.ToJsonString());
    }

    private Reply Start(JsonObject body)
    {
        var point = (string?)body["RecoveryPointArn"];
        var role = (string?)body["IamRoleArn"];
        if (point is null || role is null || body["Metadata"] is not JsonObject metadata)
        {
            return Error(400, "MissingParameterValueException", "RecoveryPointArn, IamRoleArn and Metadata are required");
        }

        var token = (string?)body["IdempotencyToken"];
        if (token is not null && _tokens.TryGetValue(token, out var existing))
        {
            return new Reply(200, new JsonObject { ["RestoreJobId"] = existing }.ToJsonString());
        }

        if ((string?)body["ResourceType"] != "S3")
        {
            return Error(400, "InvalidParameterValueException", $"ResourceType {(string?)body["ResourceType"]} does not match the recovery point's resource type S3");
        }

        if (!_points.Values.SelectMany(l => l).Any(p => (string?)p!["RecoveryPointArn"] == point))
        {
            return Error(400, "ResourceNotFoundException", $"Recovery point {point} not found");
        }

        var bucket = (string?)metadata["DestinationBucketName"];
        if (bucket is null)
        {
            return Error(400, "MissingParameterValueException", "DestinationBucketName is mandatory metadata");
        }

        if (bucket.Length is < 3 or > 63 || !BucketName().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
        {
            return Error(400, "InvalidParameterValueException", $"DestinationBucketName {bucket} is not a valid bucket name");
        }

        var continuous = point.Contains(":recovery-point:continuous:", StringComparison.Ordinal);
        var restoreTime = (string?)metadata["RestoreTime"];
        if (continuous && restoreTime is null)
        {
            return Error(400, "InvalidParameterValueException", "RestoreTime is required for a continuous recovery point");
        }

        if (!continuous && restoreTime is not null)
        {
            return Error(400, "InvalidParameterValueException", "RestoreTime is only valid for continuous recovery points");
        }

        if (restoreTime is not null && !DateTimeOffset.TryParseExact(restoreTime, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return Error(400, "InvalidParameterValueException", $"RestoreTime {restoreTime} is not in format 2021-11-27T03:30:27Z");
        }

        var encryption = (string?)metadata["EncryptionType"];
        if (encryption is not null and not ("original" or "SSE-S3" or "SSE-KMS"))
        {
            return Error(400, "InvalidParameterValueException", $"EncryptionType {encryption} is not one of original, SSE-S3, SSE-KMS");
        }

        if ((encryption == "SSE-KMS") != (metadata["KMSKey"] is not null))
        {
            return Error(400, "InvalidParameterValueException", "KMSKey is needed with, and only with, EncryptionType SSE-KMS");
        }

        var id = Guid.NewGuid().ToString().ToUpperInvariant();
        _jobs[id] = new Job(id, point, bucket, role, Outcome);
        if (token is not null)
        {
            _tokens[token] = id;
        }

        Started.Enqueue(body);
        return new Reply(200, new JsonObject { ["RestoreJobId"] = id }.ToJsonString());
    }

    private async Task EndAsync(Job job)
    {
        switch (job.Outcome)
        {
            case "FAILED":
                job.Status = "FAILED";
                job.Message = $"No objects were restored from {job.Point} to {job.Bucket}. To get notified of these failures, enable SNS event notifications.";
                break;
            case "PARTIAL":
                await CreateBucket(job.Bucket);
                job.Status = "COMPLETED";
                job.Message = $"One or more objects failed to be restored from {job.Point} to {job.Bucket}. To get notified of these failures, enable SNS event notifications.";
                job.Created = $"arn:aws:s3:::{job.Bucket}";
                break;
            default:
                await CreateBucket(job.Bucket);
                job.Status = "COMPLETED";
                job.Created = $"arn:aws:s3:::{job.Bucket}";
                break;
        }
    }

    private static Reply Error(int status, string code, string message) =>
        new(status, new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString());

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex BucketName();

    private sealed class Job(string id, string point, string bucket, string role, string outcome)
    {
        public string Id { get; } = id;

        public string Point { get; } = point;

        public string Bucket { get; } = bucket;

        public string Outcome { get; } = outcome;

        public string Status { get; set; } = "RUNNING";

        public string? Message { get; set; }

        public string? Created { get; set; }

        public int Describes { get; set; }

        public JsonObject ToJson()
        {
            var json = new JsonObject
            {
                ["AccountId"] = TestArns.Account,
                ["RestoreJobId"] = Id,
                ["RecoveryPointArn"] = Point,
                ["CreationDate"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0,
                [nameof(Status)] = Status,
                ["StatusMessage"] = Message,
                ["IamRoleArn"] = role,
                ["CreatedResourceArn"] = Created,
            ["ResourceType"] = "S3",
            };
            foreach (var key in json.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                json.Remove(key);
            }

            return json;
        }
    }
}
