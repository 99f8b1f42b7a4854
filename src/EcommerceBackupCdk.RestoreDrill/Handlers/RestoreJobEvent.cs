using System.Globalization;
using System.Text.Json;
using EcommerceBackupCdk.RestoreDrill.Aws;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>
/// The fields of an EventBridge "Restore Job State Change" event (source aws.backup) the validator reads.
/// See the AWS Backup developer guide, "Monitoring AWS Backup events using Amazon EventBridge".
/// </summary>
public sealed record RestoreJobEvent
{
    public const string Source = "aws.backup";
    public const string DetailType = "Restore Job State Change";

    public required string RestoreJobId { get; init; }

    public required string Status { get; init; }

    public string? EventId { get; init; }

    public string? Account { get; init; }

    public string? Region { get; init; }

    public string? ResourceType { get; init; }

    public string? CreatedResourceArn { get; init; }

    public string? SourceResourceArn { get; init; }

    public string? RecoveryPointArn { get; init; }

    public string? RestoreTestingPlanArn { get; init; }

    public string? StatusMessage { get; init; }

    /// <summary>Parses and checks the event; anything unusable raises <see cref="MalformedEventException"/> with the reason.</summary>
    public static RestoreJobEvent Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new MalformedEventException("the event is empty; expected an EventBridge 'Restore Job State Change' event from aws.backup");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new MalformedEventException($"the event is not JSON ({e.Message})", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedEventException($"the event is a JSON {root.ValueKind}, not an object");
            }

            var source = Text(root, "source");
            var detailType = Text(root, "detail-type");
            if (source != Source || detailType != DetailType)
            {
                throw new MalformedEventException($"the event has source '{source}' and detail-type '{detailType}'; expected '{Source}' and '{DetailType}'");
            }

            if (!root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedEventException("the event has no 'detail' object");
            }

            var jobId = Text(detail, "restoreJobId");
            if (jobId is null || !BackupApiClient.JobIdPattern().IsMatch(jobId))
            {
                throw new MalformedEventException($"detail.restoreJobId is missing or not a restore job id (got '{jobId}')");
            }

            var status = Text(detail, "status");
            if (string.IsNullOrEmpty(status))
            {
                throw new MalformedEventException("detail.status is missing");
            }

            return new RestoreJobEvent
            {
                RestoreJobId = jobId,
                Status = status,
                EventId = Text(root, "id"),
                Account = Text(root, "account"),
                Region = Text(root, "region"),
                ResourceType = Text(detail, "resourceType"),
                CreatedResourceArn = Text(detail, "createdResourceArn"),
                SourceResourceArn = Text(detail, "sourceResourceArn"),
                RecoveryPointArn = Text(detail, "recoveryPointArn"),
                RestoreTestingPlanArn = Text(detail, "restoreTestingPlanArn"),
                StatusMessage = Text(detail, "statusMessage"),
            };
        }
    }

    private static string? Text(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new MalformedEventException(string.Create(CultureInfo.InvariantCulture, $"'{name}' is a JSON {value.ValueKind}; expected a string")),
        };
    }
}
