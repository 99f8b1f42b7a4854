using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>AWS Backup over REST-JSON: exactly DescribeRestoreJob and PutRestoreValidationResult.</summary>
public sealed partial class BackupApiClient : IBackupApi
{
    private const string Service = "Backup";
    private readonly AwsRequestSender _sender;

    public BackupApiClient(AwsClientOptions options)
    {
        _sender = new AwsRequestSender(Service, "backup", "backup", AwsProtocol.RestJson, options);
    }

    public async Task<RestoreJobDescription> DescribeRestoreJobAsync(string restoreJobId, CancellationToken cancellationToken)
    {
        var id = CheckJobId(restoreJobId);
        var request = new AwsHttpRequest("DescribeRestoreJob", HttpMethod.Get, $"/restore-jobs/{id}", [], null, new Dictionary<string, string>());
        var response = await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(response.Body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the answer is not a JSON object");
            }

            string? planArn = null;
            if (root.TryGetProperty("CreatedBy", out var createdBy) && createdBy.ValueKind == JsonValueKind.Object)
            {
                planArn = AwsJson.String(createdBy, "RestoreTestingPlanArn");
            }

            return new RestoreJobDescription
            {
                RestoreJobId = AwsJson.String(root, "RestoreJobId") ?? throw new FormatException("RestoreJobId is missing"),
                Status = AwsJson.String(root, "Status") ?? throw new FormatException("Status is missing"),
                AccountId = AwsJson.String(root, "AccountId"),
                StatusMessage = AwsJson.String(root, "StatusMessage"),
                ResourceType = AwsJson.String(root, "ResourceType"),
                CreatedResourceArn = AwsJson.String(root, "CreatedResourceArn"),
                RecoveryPointArn = AwsJson.String(root, "RecoveryPointArn"),
                CreationDate = AwsJson.Timestamp(root, "CreationDate"),
                CompletionDate = AwsJson.Timestamp(root, "CompletionDate"),
                RecoveryPointCreationDate = AwsJson.Timestamp(root, "RecoveryPointCreationDate"),
                RestoreTestingPlanArn = planArn,
                ValidationStatus = AwsJson.String(root, "ValidationStatus"),
                ValidationStatusMessage = AwsJson.String(root, "ValidationStatusMessage"),
                DeletionStatus = AwsJson.String(root, "DeletionStatus"),
                BackupSizeInBytes = AwsJson.Long(root, "BackupSizeInBytes"),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new AwsClientException(Service, "DescribeRestoreJob", AwsClientException.MalformedResponse,
                $"{e.Message}; body: {AwsErrorParser.Truncate(response.Body)}", response.Attempts, e);
        }
    }

    public async Task PutRestoreValidationResultAsync(string restoreJobId, string validationStatus, string validationStatusMessage, CancellationToken cancellationToken)
    {
        var id = CheckJobId(restoreJobId);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["ValidationStatus"] = validationStatus,
            ["ValidationStatusMessage"] = validationStatusMessage,
        });
        var request = new AwsHttpRequest("PutRestoreValidationResult", HttpMethod.Put, $"/restore-jobs/{id}/validations", body, "application/json", new Dictionary<string, string>());
        await _sender.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static string CheckJobId(string restoreJobId) =>
        JobIdPattern().IsMatch(restoreJobId)
            ? restoreJobId
            : throw new ArgumentException($"'{restoreJobId}' is not a restore job id (allowed: letters, digits, '-', '_', '.', 1-128 characters).", nameof(restoreJobId));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    internal static partial Regex JobIdPattern();
}
