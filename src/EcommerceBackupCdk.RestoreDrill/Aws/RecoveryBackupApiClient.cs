using System.Text.Json;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// AWS Backup over REST-JSON for store recovery: ListRecoveryPointsByResource and StartRestoreJob
/// (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_StartRestoreJob.html: "PUT /restore-jobs").
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
}
