using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using EcommerceBackupCdk.RestoreDrill.Reports;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>
/// DynamoDB: the restored table is ACTIVE, holds at least the minimum items (parallel Scan), and its newest
/// order/cart time (configured attribute) is read in the same scan. Read-only: DescribeTable and Scan.
/// </summary>
public sealed class DynamoDbValidator : IResourceValidator
{
    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly int _segments;

    public DynamoDbValidator(IAmazonDynamoDB dynamoDb, int segments)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segments, 1);
        _dynamoDb = dynamoDb;
        _segments = segments;
    }

    public async Task<ResourceValidation> ValidateAsync(ValidationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = new List<DrillCheck>();
        if (!ResourceArn.TryParse(context.CreatedResourceArn, out var arn) || arn.DynamoDbTableName is not { } table)
        {
            checks.Add(DrillCheck.Fail("dynamodb.arn", $"'{context.CreatedResourceArn}' is not a DynamoDB table ARN; the restore job's CreatedResourceArn should be arn:aws:dynamodb:<region>:<account>:table/<name>"));
            return new ResourceValidation { Checks = checks };
        }

        var description = (await _dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = table }, cancellationToken).ConfigureAwait(false)).Table;
        if (!string.Equals(description.TableArn, context.CreatedResourceArn, StringComparison.Ordinal))
        {
            checks.Add(DrillCheck.Fail("dynamodb.arnMatchesJob", $"table '{table}' has ARN '{description.TableArn}', not the restore job's '{context.CreatedResourceArn}'; refusing to scan it"));
            return new ResourceValidation { Checks = checks };
        }

        var status = description.TableStatus?.Value ?? "UNKNOWN";
        if (status != TableStatus.ACTIVE.Value)
        {
            checks.Add(DrillCheck.Fail("dynamodb.tableActive", $"table '{table}' is {status}, not ACTIVE; check the restore job and retry the drill when the table is ACTIVE"));
            return new ResourceValidation { Checks = checks };
        }

        checks.Add(DrillCheck.Pass("dynamodb.tableActive", $"table '{table}' is ACTIVE"));
        var scan = await ScanAsync(table, context.Settings.TimestampAttribute, cancellationToken).ConfigureAwait(false);
        var minimum = context.Settings.MinimumRecordCount;
        checks.Add(scan.Count >= minimum
            ? DrillCheck.Pass("dynamodb.itemCount", $"{scan.Count} items (minimum {minimum})")
            : DrillCheck.Fail("dynamodb.itemCount", $"{scan.Count} items, fewer than the minimum {minimum}; the recovery point may predate the data or the source table was emptied"));

        if (context.Settings.TimestampAttribute is { } attribute)
        {
            if (scan.Newest is null)
            {
                checks.Add(DrillCheck.Fail("dynamodb.newestRecord", $"no item has a readable '{attribute}' (ISO-8601 text or epoch number; {scan.Unreadable} unreadable); set DYNAMODB_TIMESTAMP_ATTRIBUTE or the resource's timestampAttribute to the order/cart time attribute"));
            }
            else
            {
                checks.Add(DrillCheck.Pass("dynamodb.newestRecord", $"newest '{attribute}' is {scan.Newest.Value:O} ({scan.WithTimestamp} items carry it)"));
            }
        }

        return new ResourceValidation { Checks = checks, RecordCount = scan.Count, NewestRecordAt = scan.Newest, DataValidated = true };
    }

    /// <summary>One parallel pass: counts every item and keeps the largest timestamp.</summary>
    internal async Task<(long Count, DateTimeOffset? Newest, long WithTimestamp, long Unreadable)> ScanAsync(string table, string? attribute, CancellationToken cancellationToken)
    {
        var segments = Enumerable.Range(0, _segments).Select(segment => ScanSegmentAsync(table, attribute, segment, cancellationToken));
        var results = await Task.WhenAll(segments).ConfigureAwait(false);
        return (results.Sum(r => r.Count), results.Max(r => r.Newest), results.Sum(r => r.WithTimestamp), results.Sum(r => r.Unreadable));
    }

    private async Task<(long Count, DateTimeOffset? Newest, long WithTimestamp, long Unreadable)> ScanSegmentAsync(string table, string? attribute, int segment, CancellationToken cancellationToken)
    {
        long count = 0, withTimestamp = 0, unreadable = 0;
        DateTimeOffset? newest = null;
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new ScanRequest { TableName = table, Segment = segment, TotalSegments = _segments, ExclusiveStartKey = startKey };
            if (attribute is null)
            {
                request.Select = Select.COUNT;
            }
            else
            {
                request.ProjectionExpression = "#ts";
                request.ExpressionAttributeNames = new Dictionary<string, string> { ["#ts"] = attribute };
            }

            var page = await _dynamoDb.ScanAsync(request, cancellationToken).ConfigureAwait(false);
            count += page.Count ?? 0;
            foreach (var item in page.Items ?? [])
            {
                if (!item.TryGetValue(attribute!, out var value))
                {
                    continue;
                }

                var isNumber = value.N is not null;
                if (RecordTimestamp.TryParse(value.N ?? value.S, isNumber, out var time))
                {
                    withTimestamp++;
                    if (newest is null || time > newest)
                    {
                        newest = time;
                    }
                }
                else
                {
                    unreadable++;
                }
            }

            startKey = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
        }
        while (startKey is not null);

        return (count, newest, withTimestamp, unreadable);
    }
}
