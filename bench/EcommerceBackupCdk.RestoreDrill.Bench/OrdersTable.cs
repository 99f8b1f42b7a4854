using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace EcommerceBackupCdk.RestoreDrill.Bench;

/// <summary>
/// The benchmark's orders table: items are a pure function of their index (same keys and values on every
/// run), so writing them again is idempotent. ~220 bytes per item, the shape of an e-commerce order row.
/// </summary>
internal static class OrdersTable
{
    public const string TimestampAttribute = "createdAt";
    private const int SpacingSeconds = 25;
    private static readonly DateTimeOffset First = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Statuses = ["PLACED", "PAID", "SHIPPED", "DELIVERED", "REFUNDED"];
    private static readonly string[] Countries = ["DE", "FR", "NL", "AT", "PL", "IT", "ES"];

    /// <summary>Order i was placed at First + i * 25 s, so the newest of n orders is index n - 1.</summary>
    public static DateTimeOffset CreatedAt(int index) => First.AddSeconds((long)index * SpacingSeconds);

    public static DateTimeOffset Newest(int items) => CreatedAt(items - 1);

    public static Dictionary<string, AttributeValue> Order(int i)
    {
        var customer = string.Create(CultureInfo.InvariantCulture, $"customer-{(int)(((long)i * 7919) % 20011):D5}");
        return new Dictionary<string, AttributeValue>
        {
            ["orderId"] = new() { S = string.Create(CultureInfo.InvariantCulture, $"order-{i:D7}") },
            ["customerId"] = new() { S = customer },
            ["email"] = new() { S = customer + "@example.com" },
            [TimestampAttribute] = new() { S = CreatedAt(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
            ["status"] = new() { S = Statuses[i % Statuses.Length] },
            ["currency"] = new() { S = "EUR" },
            ["total"] = new() { N = (5 + ((i * 37L) % 50_000 / 100.0)).ToString("0.00", CultureInfo.InvariantCulture) },
            ["itemCount"] = new() { N = ((i % 7) + 1).ToString(CultureInfo.InvariantCulture) },
            ["shippingCountry"] = new() { S = Countries[i % Countries.Length] },
            ["channel"] = new() { S = i % 3 == 0 ? "mobile-app" : "web-shop" },
        };
    }

    /// <summary>Creates the table (on-demand, key orderId) unless it exists; waits until ACTIVE; returns its ARN.</summary>
    public static async Task<string> EnsureTableAsync(IAmazonDynamoDB client, string table)
    {
        try
        {
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = table,
                AttributeDefinitions = [new AttributeDefinition("orderId", ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement("orderId", KeyType.HASH)],
                BillingMode = BillingMode.PAY_PER_REQUEST,
            });
        }
        catch (ResourceInUseException)
        {
            // Already there (an earlier run): fine, the items decide whether to seed.
        }

        for (var i = 0; i < 400; i++)
        {
            var description = (await client.DescribeTableAsync(table)).Table;
            if (description.TableStatus == TableStatus.ACTIVE)
            {
                return description.TableArn;
            }

            await Task.Delay(25);
        }

        throw new BenchException($"table {table} did not become ACTIVE");
    }

    /// <summary>Deletes the table if it exists and waits until it is gone.</summary>
    public static async Task DeleteTableAsync(IAmazonDynamoDB client, string table)
    {
        try
        {
            await client.DeleteTableAsync(table);
        }
        catch (ResourceNotFoundException)
        {
            return;
        }

        for (var i = 0; i < 400; i++)
        {
            try
            {
                await client.DescribeTableAsync(table);
            }
            catch (ResourceNotFoundException)
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new BenchException($"table {table} was not deleted");
    }

    /// <summary>A bare parallel Scan with Select=COUNT: items and pages.</summary>
    public static async Task<(long Items, int Pages)> CountAsync(IAmazonDynamoDB client, string table, int segments)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, segments).Select(async segment =>
        {
            long count = 0;
            var pages = 0;
            Dictionary<string, AttributeValue>? startKey = null;
            do
            {
                var page = await client.ScanAsync(new ScanRequest
                {
                    TableName = table,
                    Segment = segment,
                    TotalSegments = segments,
                    Select = Select.COUNT,
                    ExclusiveStartKey = startKey,
                });
                count += page.Count ?? 0;
                pages++;
                startKey = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
            }
            while (startKey is not null);
            return (count, pages);
        }));
        return (results.Sum(r => r.count), results.Sum(r => r.pages));
    }

    /// <summary>Writes items [0, count) with BatchWriteItem (25 per call), <paramref name="concurrency"/> calls in flight, retrying unprocessed items.</summary>
    public static async Task WriteAsync(IAmazonDynamoDB client, string table, int count, int concurrency, Action<int>? progress = null)
    {
        var batches = (count + 24) / 25;
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, batches), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (batch, token) =>
        {
            var requests = Enumerable.Range(batch * 25, Math.Min(25, count - (batch * 25)))
                .Select(i => new WriteRequest(new PutRequest(Order(i))))
                .ToList();
            var pending = new Dictionary<string, List<WriteRequest>> { [table] = requests };
            for (var attempt = 0; pending.TryGetValue(table, out var left) && left.Count > 0; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(Math.Min(1000, 20 << Math.Min(attempt, 6)), token);
                }

                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, token);
                pending = response.UnprocessedItems ?? [];
            }

            progress?.Invoke(Interlocked.Increment(ref done));
        });
    }

    /// <summary>Makes sure the table holds exactly items [0, count): skips when the COUNT scan already says so.</summary>
    public static async Task<(string Arn, bool Seeded, TimeSpan Elapsed)> EnsureSeededAsync(IAmazonDynamoDB client, string table, int count, int segments, int concurrency, bool showProgress)
    {
        var arn = await EnsureTableAsync(client, table);
        var (existing, _) = await CountAsync(client, table, segments);
        if (existing == count)
        {
            return (arn, false, TimeSpan.Zero);
        }

        if (existing > count)
        {
            throw new BenchException($"table {table} holds {existing} items, more than the {count} this benchmark writes; delete it (or restart dynalite) and run again");
        }

        var clock = Stopwatch.StartNew();
        var batches = (count + 24) / 25;
        var step = Math.Max(1, batches / 10);
        await WriteAsync(client, table, count, concurrency, showProgress
            ? done =>
            {
                if (done % step == 0)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {Math.Min(count, done * 25):N0} of {count:N0} items ({clock.Elapsed.TotalSeconds:N0} s)"));
                }
            }
            : null);
        clock.Stop();
        var (after, _) = await CountAsync(client, table, segments);
        if (after != count)
        {
            throw new BenchException($"table {table} holds {after} items after seeding, expected {count}");
        }

        return (arn, true, clock.Elapsed);
    }
}
