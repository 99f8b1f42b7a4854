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
        var result = new List<RecoveryPointSummary>();
        string? token = null;
        do
        {
            var query = token is null ? string.Empty : "?nextToken=" + Uri.EscapeDataString(token);
            var request = new AwsHttpRequest("ListRecoveryPointsByResource", HttpMethod.Get, $"/resources/{Uri.EscapeDataString(resourceArn)}/recovery-points/{query}", [], null, new Dictionary<string, string>());
            var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                using var doc = JsonDocument.Parse(response.Body);
                if (doc.RootElement.TryGetProperty("RecoveryPoints", out var points) && points.ValueKind == JsonValueKind.Array)
                {
                    foreach (var p in points.EnumerateArray())
                    {
                        result.Add(new RecoveryPointSummary
                        {
                            RecoveryPointArn = AwsJson.String(p, "RecoveryPointArn") ?? throw new FormatException("RecoveryPointArn is missing"),
                            Status = AwsJson.String(p, "Status"),
                            BackupVaultName = AwsJson.String(p, "BackupVaultName"),
                            CreationDate = AwsJson.Timestamp(p, "CreationDate"),
                        });
                    }
                }

                token = AwsJson.String(doc.RootElement, "NextToken");
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new AwsClientException(Service, "ListRecoveryPointsByResource", AwsClientException.MalformedResponse, $"{e.Message}; body: {AwsErrorParser.Truncate(response.Body)}", response.Attempts, e);
            }
        }
        while (!string.IsNullOrEmpty(token));

        return result;
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
        var result = new List<ScanJobSummary>();
        string? token = null;
        do
        {
            var query = $"ByResourceArn={Uri.EscapeDataString(resourceArn)}&ByState=COMPLETED" + (token is null ? string.Empty : "&NextToken=" + Uri.EscapeDataString(token));
            var request = new AwsHttpRequest("ListScanJobs", HttpMethod.Get, $"/scan/jobs?{query}", [], null, new Dictionary<string, string>());
            var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                using var doc = JsonDocument.Parse(response.Body);
                if (doc.RootElement.TryGetProperty("ScanJobs", out var jobs) && jobs.ValueKind == JsonValueKind.Array)
                {
                    foreach (var j in jobs.EnumerateArray())
                    {
                        result.Add(new ScanJobSummary
                        {
                            RecoveryPointArn = AwsJson.String(j, "RecoveryPointArn") ?? throw new FormatException("ScanJobs[].RecoveryPointArn is missing"),
                            ScanJobId = AwsJson.String(j, "ScanJobId"),
                            State = AwsJson.String(j, "State"),
                            CompletionDate = AwsJson.Timestamp(j, "CompletionDate"),
                            ScanResultStatus = j.TryGetProperty("ScanResult", out var r) && r.ValueKind == JsonValueKind.Object ? AwsJson.String(r, "ScanResultStatus") : null,
                        });
                    }
                }

                token = AwsJson.String(doc.RootElement, "NextToken");
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                throw new AwsClientException(Service, "ListScanJobs", AwsClientException.MalformedResponse, $"{e.Message}; body: {AwsErrorParser.Truncate(response.Body)}", response.Attempts, e);
            }
        }
        while (!string.IsNullOrEmpty(token));

        return result;
    }
}
