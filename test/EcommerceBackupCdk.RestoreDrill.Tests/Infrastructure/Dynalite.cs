using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>Official AWSSDK.DynamoDBv2 client against dynalite, plus table seeding.</summary>
public static class Dynalite
{
    public static AmazonDynamoDBClient Client() => new(
        new BasicAWSCredentials(LocalAwsServer.AccessKey, LocalAwsServer.SecretKey),
        new AmazonDynamoDBConfig { ServiceURL = TestServices.DynamoDbEndpoint.ToString(), AuthenticationRegion = TestArns.Region });

    /// <summary>Creates an orders table (pk "orderId") and writes the items in batches of 25; returns the table ARN.</summary>
    public static async Task<string> CreateOrdersTableAsync(IAmazonDynamoDB client, string table, IEnumerable<Dictionary<string, AttributeValue>> items)
    {
        var created = await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            AttributeDefinitions = [new AttributeDefinition("orderId", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("orderId", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        // dynalite, like DynamoDB, answers CreateTable while the table is still CREATING.
        for (var i = 0; i < 200; i++)
        {
            var status = (await client.DescribeTableAsync(table)).Table.TableStatus;
            if (status == TableStatus.ACTIVE)
            {
                break;
            }

            await Task.Delay(25);
        }

        foreach (var chunk in items.Chunk(25))
        {
            var pending = new Dictionary<string, List<WriteRequest>>
            {
                [table] = chunk.Select(i => new WriteRequest(new PutRequest(i))).ToList(),
            };
            while (pending.Count > 0 && pending[table].Count > 0)
            {
                var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending });
                pending = response.UnprocessedItems ?? [];
                if (!pending.ContainsKey(table))
                {
                    break;
                }
            }
        }

        return created.TableDescription.TableArn;
    }

    public static Dictionary<string, AttributeValue> Order(int i, string attribute, AttributeValue time) => new()
    {
        ["orderId"] = new AttributeValue { S = $"order-{i:D6}" },
        [attribute] = time,
        ["total"] = new AttributeValue { N = (i * 1.5).ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };
}
