using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Recovery;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;
using EcommerceBackupCdk.RestoreDrill.Validators.Sql;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Recovery;

/// <summary>
/// A small store in moto_server and the local PostgreSQL for store recovery tests: a tier-tagged DynamoDB carts table
/// with PITR and an RDS PostgreSQL orders instance whose endpoint is redirected to a real database holding WooCommerce
/// HPOS orders; a report bucket; and the recovery handler wired to all of them.
/// </summary>
internal sealed class RecoveryWorld
{
    public const string Tier = "critical";
    public const string SourcePassword = "source-password-1";

    private RecoveryWorld(string id)
    {
        Id = id;
        var credentials = new BasicAWSCredentials("ak", "sk");
        DynamoDb = new MotoDynamoDbClient(credentials, new AmazonDynamoDBConfig { ServiceURL = TestServices.MotoEndpoint.ToString(), AuthenticationRegion = TestArns.Region, MaxErrorRetry = 1 });
        S3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = TestServices.MotoEndpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = TestArns.Region });
        Rds = new RecoveryRdsApiClient(MotoApi.Options());
    }

    public string Id { get; }

    public AmazonDynamoDBClient DynamoDb { get; }


    public AmazonS3Client S3 { get; }

    public RecoveryRdsApiClient Rds { get; }

    public string CartsTable => $"carts-{Id}";

    public string OrdersInstance => $"orders-{Id}";

    public string ReportBucket => $"reports-{Id}";

    public string Database { get; private set; } = string.Empty;

    public DateTimeOffset NewestOrder { get; private set; }

    public DateTimeOffset NewestCart { get; private set; }

    public StringWriter Output { get; } = new();

    /// <summary>Credentials the SQL probe was called with (to prove the one-time password, not the source's, was used).</summary>
    public List<(string User, string Password)> ProbeLogins { get; } = [];

    public string? CartsArn { get; private set; }

    public string? OrdersArn { get; private set; }

    public static async Task<RecoveryWorld> CreateAsync()
    {
        var world = new RecoveryWorld(Guid.NewGuid().ToString("N")[..8]);
        await world.SetUpAsync();
        return world;
    }

    private async Task SetUpAsync()
    {
        var now = DateTimeOffset.UtcNow;
        NewestOrder = Second(now.AddSeconds(-90));
        NewestCart = Second(now.AddSeconds(-45));
        Database = await SqlServers.CreatePostgresAsync(
            "CREATE TABLE wp_wc_orders (id BIGINT PRIMARY KEY, status VARCHAR(20), type VARCHAR(20), date_created_gmt TIMESTAMP)",
            $"INSERT INTO wp_wc_orders VALUES (1,'wc-completed','shop_order','{Sql(now.AddHours(-3))}'), (2,'wc-processing','shop_order','{Sql(NewestOrder)}'), (3,'wc-refunded','shop_order_refund','{Sql(now.AddSeconds(-30))}')");

        await MotoS3.CreateBucketAsync(S3, ReportBucket);

        var table = await DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = CartsTable,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            Tags = [new Tag { Key = "ecommerce-backup:tier", Value = Tier }],
        });
        CartsArn = table.TableDescription.TableArn;
        foreach (var (key, at) in new[] { ("cart-1", now.AddMinutes(-20)), ("cart-2", NewestCart) })
        {
            await DynamoDb.PutItemAsync(CartsTable, new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = key },
                ["createdAt"] = new() { S = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
            });
        }

        var doc = await QueryAsync("CreateDBInstance", new Dictionary<string, string>
        {
            ["DBInstanceIdentifier"] = OrdersInstance,
            ["DBInstanceClass"] = "db.t4g.micro",
            ["Engine"] = "postgres",
            ["StorageEncrypted"] = "true",
            ["MasterUsername"] = "admin",
            ["MasterUserPassword"] = SourcePassword,
            ["AllocatedStorage"] = "20",
            ["BackupRetentionPeriod"] = "7",
            ["DBName"] = Database,
            ["Tags.Tag.1.Key"] = "ecommerce-backup:tier",
            ["Tags.Tag.1.Value"] = Tier,
        });
        OrdersArn = doc.Descendants().First(e => e.Name.LocalName == "DBInstanceArn").Value;

        // Enabled last, after the data and the orders instance exist: moto fixes Earliest/LatestRestorableDateTime at
        // this moment, so the common latest point is now (after the instance's creation, inside its window) and both
        // newest records lie within the 5-minute RPO before it.
        await Task.Delay(1100);
        await DynamoDb.UpdateContinuousBackupsAsync(new UpdateContinuousBackupsRequest
        {
            TableName = CartsTable,
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification { PointInTimeRecoveryEnabled = true },
        });
    }

    /// <param name="backupEndpoint">Where AWS Backup answers (a <see cref="FakeS3RestoreBackup"/>); default moto, which has no restore jobs.</param>
    /// <param name="s3RestoreRoleArn">The role passed to StartRestoreJob; without it tagged buckets make the plan refuse.</param>
    public StoreRecoveryHandler Handler(Uri? backupEndpoint = null, string? s3RestoreRoleArn = null)
    {
        var env = new Dictionary<string, string>
        {
            ["STORE_NAME"] = "acme",
            ["REPORT_BUCKET"] = ReportBucket,
            ["AWS_REGION"] = TestArns.Region,
            ["DYNAMODB_TIMESTAMP_ATTRIBUTE"] = "createdAt",
            ["SQL_PRESET"] = "woocommerce",
        };
        if (s3RestoreRoleArn is not null)
        {
            env[RecoveryVariables.BackupRestoreRoleArn] = s3RestoreRoleArn;
        }

        var settings = RecoverySettings.FromEnvironment(env);
        return new StoreRecoveryHandler(settings, new StoreRecoveryDependencies
        {
            RecoveryRds = Rds,
            Rds = new RdsApiClient(MotoApi.Options()),
            Secrets = new SecretsManagerApiClient(MotoApi.Options()),
            DynamoDb = DynamoDb,
            S3 = S3,
            RecoveryBackup = new RecoveryBackupApiClient(MotoApi.Options(backupEndpoint)),
            Backup = new BackupApiClient(MotoApi.Options(backupEndpoint)),
            SqlProbe = new AppliedPasswordProbe(this),
            Output = Output,
            PasswordApplyTimeout = TimeSpan.FromSeconds(5),
            DatabaseEndpointMap = (_, _) => (TestServices.PostgresHost, TestServices.PostgresPort),
        });
    }

    public async Task<bool> TableExistsAsync(string name)
    {
        try
        {
            await DynamoDb.DescribeTableAsync(name);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }

    public async Task<bool> InstanceExistsAsync(string id)
    {
        try
        {
            await Rds.DescribeInstanceAsync(id, CancellationToken.None);
            return true;
        }
        catch (AwsServiceException e) when (e.ErrorCode.StartsWith("DBInstanceNotFound", StringComparison.Ordinal))
        {
            return false;
        }
    }

    /// <summary>Every table and instance whose name starts with recovery-&lt;token of the execution&gt;.</summary>
    public async Task<IReadOnlyList<string>> RestoredLeftAsync(string executionName)
    {
        var prefix = $"recovery-{RecoveryNames.Token(executionName)}";
        var tables = (await DynamoDb.ListTablesAsync()).TableNames.Where(t => t.StartsWith(prefix, StringComparison.Ordinal));
        var instances = (await QueryAsync("DescribeDBInstances", [])).Descendants()
            .Where(e => e.Name.LocalName == "DBInstanceIdentifier").Select(e => e.Value).Where(i => i.StartsWith(prefix, StringComparison.Ordinal));
        return [.. tables, .. instances];
    }

    /// <summary>Removes the sources so later runs do not find them by tag.</summary>
    public async Task DisposeSourcesAsync()
    {
        try
        {
            await DynamoDb.DeleteTableAsync(CartsTable);
        }
        catch (ResourceNotFoundException)
        {
        }

        try
        {
            await Rds.DeleteInstanceAsync(OrdersInstance, CancellationToken.None);
        }
        catch (AwsServiceException)
        {
        }
    }

    public static async Task<XDocument> QueryAsync(string action, Dictionary<string, string> parameters)
    {
        var sender = new AwsRequestSender("RDS", "rds", "rds", AwsProtocol.Query, MotoApi.Options());
        var form = $"Action={action}&Version=2014-10-31" + string.Concat(parameters.Select(p => $"&{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var response = await sender.SendAsync(new AwsHttpRequest(action, HttpMethod.Post, "/", Encoding.UTF8.GetBytes(form),
            "application/x-www-form-urlencoded; charset=utf-8", new Dictionary<string, string>()), CancellationToken.None);
        return XDocument.Parse(response.Body);
    }

    /// <summary>
    /// moto's TagResource answers with a body whose CRC32 does not match its x-amz-crc32 header, which AWSSDK.DynamoDBv2
    /// rejects with an IOException although the tag was applied (ListTagsOfResource shows it, and the cleanup, which
    /// deletes only tables carrying the execution tag, proves it in every drill test). Only that answer is forgiven.
    /// The world's client sets <c>MaxErrorRetry = 1</c>: with DynamoDB's default of 10 retries the SDK retried that CRC
    /// answer with backoff for about 98 s per StartRestore before giving up, which made each store-recovery flow test
    /// take 100+ s (the execution history showed one Map branch's StartRestore taking 98 s, the other 0.1 s).
    /// </summary>
    private sealed class MotoDynamoDbClient(AWSCredentials credentials, AmazonDynamoDBConfig config) : AmazonDynamoDBClient(credentials, config)
    {
        public override async Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken = default)
        {
            try
            {
                return await base.TagResourceAsync(request, cancellationToken);
            }
            catch (IOException e) when (e.Message.Contains("CRC", StringComparison.Ordinal))
            {
                return new TagResourceResponse();
            }
        }
    }

    private static DateTimeOffset Second(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string Sql(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// The restored database in moto answers at the local PostgreSQL. RDS applies a new master password "asynchronously
    /// ... as soon as possible" (ModifyDBInstance MasterUserPassword); this probe records the login it was given and
    /// connects with the local server's own account, as the restored copy would accept the password just set.
    /// </summary>
    private sealed class AppliedPasswordProbe(RecoveryWorld world) : ISqlProbe
    {
        private readonly AdoSqlProbe _inner = new();

        public Task<SqlProbeResult> RunAsync(SqlTarget target, string query, CancellationToken cancellationToken)
        {
            lock (world.ProbeLogins)
            {
                world.ProbeLogins.Add((target.Username, target.Password));
            }

            return _inner.RunAsync(target with { Username = TestServices.PostgresUser, Password = TestServices.PostgresPassword }, query, cancellationToken);
        }
    }
}
