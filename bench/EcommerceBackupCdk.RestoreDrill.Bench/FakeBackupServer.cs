using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.RestoreDrill.Bench;

/// <summary>
/// AWS Backup's two restore-job REST-JSON routes on 127.0.0.1 (moto has no restore jobs):
/// GET /restore-jobs/{id} (DescribeRestoreJob) and PUT /restore-jobs/{id}/validations (PutRestoreValidationResult, 204).
/// Unlike the tests' server it does not verify SigV4 (the client still signs every request, so signing is in the timing).
/// </summary>
internal sealed class FakeBackupServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, JsonObject> _jobs = new();
    private readonly ConcurrentQueue<(string JobId, string Status)> _validations = new();
    private readonly Task _loop;

    public FakeBackupServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<(string JobId, string Status)> Validations => _validations.ToArray();

    /// <summary>A COMPLETED drill restore job of our plan as DescribeRestoreJob returns it (epoch-seconds timestamps).</summary>
    public void AddCompletedJob(string jobId, string createdResourceArn, DateTimeOffset recoveryPointCreated, DateTimeOffset created, DateTimeOffset completed) =>
        _jobs[jobId] = new JsonObject
        {
            ["AccountId"] = "123456789012",
            ["RestoreJobId"] = jobId,
            ["RecoveryPointArn"] = $"arn:aws:backup:{Local.Region}:123456789012:recovery-point:{Guid.NewGuid()}",
            ["CreationDate"] = created.ToUnixTimeMilliseconds() / 1000.0,
            ["CompletionDate"] = completed.ToUnixTimeMilliseconds() / 1000.0,
            ["Status"] = "COMPLETED",
            ["PercentDone"] = "100.00%",
            ["BackupSizeInBytes"] = 1024,
            ["IamRoleArn"] = "arn:aws:iam::123456789012:role/RestoreTestRole",
            ["CreatedResourceArn"] = createdResourceArn,
            ["ResourceType"] = "DynamoDB",
            ["RecoveryPointCreationDate"] = recoveryPointCreated.ToUnixTimeMilliseconds() / 1000.0,
            ["CreatedBy"] = new JsonObject { ["RestoreTestingPlanArn"] = Local.PlanArn },
        };

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the pending GetContextAsync.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var parts = (request.Url?.AbsolutePath ?? "/").Trim('/').Split('/');
        var id = parts.Length >= 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
        (int Status, string Body) reply = (parts.Length, request.HttpMethod) switch
        {
            (2, "GET") when parts[0] == "restore-jobs" && _jobs.TryGetValue(id, out var job) => (200, job.ToJsonString()),
            (3, "PUT") when parts[0] == "restore-jobs" && parts[2] == "validations" && _jobs.TryGetValue(id, out var job) => Validate(id, job, body),
            _ => (400, """{"__type":"ResourceNotFoundException","message":"no such restore job"}"""),
        };
        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (bytes.Length > 0)
        {
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
        }

        context.Response.Close();
    }

    private (int, string) Validate(string id, JsonObject job, string body)
    {
        string? status;
        try
        {
            status = (string?)JsonNode.Parse(body)?["ValidationStatus"];
        }
        catch (System.Text.Json.JsonException)
        {
            return (400, """{"__type":"InvalidRequestException","message":"body is not JSON"}""");
        }

        if (status is not ("SUCCESSFUL" or "FAILED" or "TIMED_OUT" or "VALIDATING"))
        {
            return (400, """{"__type":"InvalidParameterValueException","message":"bad ValidationStatus"}""");
        }

        // The real service sets the status once; the validator must not try twice.
        if (job["ValidationStatus"] is not null)
        {
            return (400, """{"__type":"InvalidRequestException","message":"validation status already set"}""");
        }

        job["ValidationStatus"] = status;
        _validations.Enqueue((id, status));
        return (204, string.Empty);
    }
}
