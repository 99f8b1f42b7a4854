using System.Text.Json;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// AWS Backup over REST-JSON for store recovery: ListRecoveryPointsByResource, StartRestoreJob
/// (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_StartRestoreJob.html: "PUT /restore-jobs") and ListScanJobs.
/// </summary>
public sealed class RecoveryBackupApiClient : IRecoveryBackupApi
{
    private const string Service = "Backup";
    private readonly AwsRequestSender _sender;

    public RecoveryBackupApiClient(AwsClientOptions options)
    {
        _sender = new AwsRequestSender(Service, "backup", "backup", AwsProtocol.RestJson, options);
    }

    public async Task<IReadOnlyList<RecoveryPointSummary>> ListRecoveryPointsByResourceAsync(string resourceArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceArn);
        // "GET /resources/resourceArn/recovery-points/?...&nextToken=NextToken" (API_ListRecoveryPointsByResource.html).
        return await ListAllAsync("ListRecoveryPointsByResource",
            token => $"/resources/{Uri.EscapeDataString(resourceArn)}/recovery-points/" + (token is null ? string.Empty : "?nextToken=" + Uri.EscapeDataString(token)),
            "RecoveryPoints",
            p => new RecoveryPointSummary
            {
                RecoveryPointArn = AwsJson.String(p, "RecoveryPointArn") ?? throw new FormatException("RecoveryPointArn is missing"),
                Status = AwsJson.String(p, "Status"),
                BackupVaultName = AwsJson.String(p, "BackupVaultName"),
                CreationDate = AwsJson.Timestamp(p, "CreationDate"),
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> StartRestoreJobAsync(string recoveryPointArn, string iamRoleArn, string resourceType, IReadOnlyDictionary<string, string> metadata, string idempotencyToken, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["RecoveryPointArn"] = recoveryPointArn,
            ["IamRoleArn"] = iamRoleArn,
            ["ResourceType"] = resourceType,
            ["Metadata"] = metadata,
            ["IdempotencyToken"] = idempotencyToken,
        });
        var request = new AwsHttpRequest("StartRestoreJob", HttpMethod.Put, "/restore-jobs", body, "application/json", new Dictionary<string, string>());
        var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            return AwsJson.String(doc.RootElement, "RestoreJobId") ?? throw new FormatException("RestoreJobId is missing");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new AwsClientException(Service, "StartRestoreJob", AwsClientException.MalformedResponse, $"{e.Message}; body: {AwsErrorParser.Truncate(response.Body)}", response.Attempts, e);
        }
    }

    /// <summary>
    /// ListScanJobs (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ListScanJobs.html): "GET
    /// /scan/jobs?...&amp;ByResourceArn=ByResourceArn&amp;...&amp;ByState=ByState&amp;MaxResults=MaxResults&amp;NextToken=NextToken";
    /// "ByResourceArn: Returns only scan jobs that match the specified resource Amazon Resource Name (ARN)"; ByState valid
    /// values "CANCELED | COMPLETED | COMPLETED_WITH_ISSUES | CREATED | FAILED | RUNNING"; the answer's ScanJobs are read
    /// and NextToken is followed until it is absent.
    /// </summary>
    public async Task<IReadOnlyList<ScanJobSummary>> ListCompletedScanJobsAsync(string resourceArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceArn);
        return await ListAllAsync("ListScanJobs",
            token => $"/scan/jobs?ByResourceArn={Uri.EscapeDataString(resourceArn)}&ByState=COMPLETED" + (token is null ? string.Empty : "&NextToken=" + Uri.EscapeDataString(token)),
            "ScanJobs",
            j => new ScanJobSummary
            {
                RecoveryPointArn = AwsJson.String(j, "RecoveryPointArn") ?? throw new FormatException("ScanJobs[].RecoveryPointArn is missing"),
                ScanJobId = AwsJson.String(j, "ScanJobId"),
                State = AwsJson.String(j, "State"),
                CompletionDate = AwsJson.Timestamp(j, "CompletionDate"),
                ScanResultStatus = j.TryGetProperty("ScanResult", out var r) && r.ValueKind == JsonValueKind.Object ? AwsJson.String(r, "ScanResultStatus") : null,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One paged GET list operation: sends <paramref name="path"/> (given the previous page's NextToken, null first),
    /// reads each element of the answer's <paramref name="listMember"/> array and follows NextToken until it is absent or
    /// empty. A body that is not the documented shape throws <see cref="AwsClientException"/> (MalformedResponse).
    /// </summary>
    private async Task<IReadOnlyList<T>> ListAllAsync<T>(string operation, Func<string?, string> path, string listMember, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        string? token = null;
        do
        {
            var request = new AwsHttpRequest(operation, HttpMethod.Get, path(token), [], null, new Dictionary<string, string>());
            var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                using var doc = JsonDocument.Parse(response.Body);
                if (doc.RootElement.TryGetProperty(listMember, out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    result.AddRange(items.EnumerateArray().Select(read));
                }

                token = AwsJson.String(doc.RootElement, "NextToken");
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new AwsClientException(Service, operation, AwsClientException.MalformedResponse, $"{e.Message}; body: {AwsErrorParser.Truncate(response.Body)}", response.Attempts, e);
            }
        }
        while (!string.IsNullOrEmpty(token));

        return result;
    }
}
