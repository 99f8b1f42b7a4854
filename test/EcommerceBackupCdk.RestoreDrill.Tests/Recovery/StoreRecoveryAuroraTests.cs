using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Recovery;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure.StepFunctions;
using EcommerceBackupCdk.RestoreDrill.Validators.Sql;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Recovery;

/// <summary>
/// The Aurora path of store recovery in moto 5.2's interpreter: two tier-tagged Aurora clusters (aurora-postgresql and
/// aurora-mysql), each restored to the common point, given the instance the flow creates, validated by the drill
/// validator's SQL probe against the real PostgreSQL and MariaDB, and in drill mode deleted (instance first, then
/// cluster). AWS: "For Aurora, this operation only restores the DB cluster, not the DB instances for that DB cluster. You
/// must invoke the CreateDBInstance operation to create DB instances for the restored DB cluster ... You can create DB
/// instances only after the RestoreDBClusterToPointInTime operation has completed and the DB cluster is available."
/// (https://docs.aws.amazon.com/botocore/latest/reference/services/rds/client/restore_db_cluster_to_point_in_time.html)
/// — the test asserts the restored cluster had no instance when the flow first looked at it. Tier "standard" keeps these
/// clusters apart from the other store-recovery tests' critical resources in the shared moto.
/// </summary>
[Collection("store-recovery")]
public sealed class StoreRecoveryAuroraTests
{
    private const string Tier = "standard";
    private readonly string _id = Guid.NewGuid().ToString("N")[..8];
    private readonly Amazon.S3.AmazonS3Client _s3 = MotoS3.Client();

    private string Postgres => $"orders-pg-{_id}";

    private string MySql => $"orders-my-{_id}";

    private string ReportBucket => $"reports-{_id}";

    private static string Sql(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static DateTimeOffset Second(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string[] Orders(DateTimeOffset newest, DateTimeOffset now, string timeType) =>
    [
        $"CREATE TABLE wp_wc_orders (id BIGINT PRIMARY KEY, status VARCHAR(20), type VARCHAR(20), date_created_gmt {timeType})",
        $"INSERT INTO wp_wc_orders VALUES (1,'wc-completed','shop_order','{Sql(now.AddHours(-3))}'), (2,'wc-processing','shop_order','{Sql(newest)}'), (3,'wc-refunded','shop_order_refund','{Sql(now.AddSeconds(-30))}')",
    ];

    private static async Task<string> ClusterAsync(string id, string engine, string database)
    {
        var doc = await RecoveryWorld.QueryAsync("CreateDBCluster", new Dictionary<string, string>
        {
            ["DBClusterIdentifier"] = id,
            ["Engine"] = engine,
            ["MasterUsername"] = "admin",
            ["MasterUserPassword"] = RecoveryWorld.SourcePassword,
            ["StorageEncrypted"] = "true",
            ["DatabaseName"] = database,
            ["BackupRetentionPeriod"] = "7",
            ["Tags.Tag.1.Key"] = "ecommerce-backup:tier",
            ["Tags.Tag.1.Value"] = Tier,
        });
        await RecoveryWorld.QueryAsync("CreateDBInstance", new Dictionary<string, string>
        {
            ["DBInstanceIdentifier"] = $"{id}-writer",
            ["DBClusterIdentifier"] = id,
            ["Engine"] = engine,
            ["DBInstanceClass"] = "db.t4g.medium",
        });
        return doc.Descendants().First(e => e.Name.LocalName == "DBClusterArn").Value;
    }

    private static async Task<IReadOnlyList<string>> RestoredLeftAsync(string execution)
    {
        var prefix = $"recovery-{RecoveryNames.Token(execution)}";
        var instances = (await RecoveryWorld.QueryAsync("DescribeDBInstances", [])).Descendants()
            .Where(e => e.Name.LocalName == "DBInstanceIdentifier").Select(e => e.Value);
        var clusters = (await RecoveryWorld.QueryAsync("DescribeDBClusters", [])).Descendants()
            .Where(e => e.Name.LocalName == "DBClusterIdentifier").Select(e => e.Value);
        return [.. instances.Concat(clusters).Where(i => i.StartsWith(prefix, StringComparison.Ordinal)).Distinct()];
    }

    private async Task<IReadOnlyList<string>> SourcesLeftAsync()
    {
        var clusters = (await RecoveryWorld.QueryAsync("DescribeDBClusters", [])).Descendants()
            .Where(e => e.Name.LocalName == "DBClusterIdentifier").Select(e => e.Value);
        return [.. clusters.Where(c => c == Postgres || c == MySql).Distinct()];
    }

    private async Task DisposeSourcesAsync()
    {
        foreach (var cluster in new[] { Postgres, MySql })
        {
            try
            {
                await RecoveryWorld.QueryAsync("DeleteDBInstance", new Dictionary<string, string> { ["DBInstanceIdentifier"] = $"{cluster}-writer", ["SkipFinalSnapshot"] = "true" });
                await RecoveryWorld.QueryAsync("DeleteDBCluster", new Dictionary<string, string> { ["DBClusterIdentifier"] = cluster, ["SkipFinalSnapshot"] = "true" });
            }
            catch (AwsServiceException)
            {
            }
        }
    }

    [Fact]
    public async Task Drill_AuroraPostgresAndMySql_RestoresClustersWithoutInstances_AddsOne_ProbesRealSql_AndDeletesBoth()
    {
        var now = DateTimeOffset.UtcNow;
        var newest = Second(now.AddSeconds(-90));
        var pgDatabase = await SqlServers.CreatePostgresAsync(Orders(newest, now, "TIMESTAMP"));
        var myDatabase = await SqlServers.CreateMariaDbAsync(Orders(newest, now, "DATETIME"));
        await MotoS3.CreateBucketAsync(_s3, ReportBucket);
        var pgArn = await ClusterAsync(Postgres, "aurora-postgresql", pgDatabase);
        var myArn = await ClusterAsync(MySql, "aurora-mysql", myDatabase);
        var output = new StringWriter();
        var rds = new MembersSpy(new RecoveryRdsApiClient(MotoApi.Options()));
        var logins = new List<SqlTarget>();
        try
        {
            var handler = new StoreRecoveryHandler(RecoverySettings.FromEnvironment(new Dictionary<string, string>
            {
                ["STORE_NAME"] = "acme",
                ["REPORT_BUCKET"] = ReportBucket,
                ["AWS_REGION"] = TestArns.Region,
                ["SQL_PRESET"] = "woocommerce",
            }), new StoreRecoveryDependencies
            {
                RecoveryRds = rds,
                Rds = new RdsApiClient(MotoApi.Options()),
                Secrets = new SecretsManagerApiClient(MotoApi.Options()),
                DynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("ak", "sk"), new AmazonDynamoDBConfig { ServiceURL = TestServices.MotoEndpoint.ToString(), AuthenticationRegion = TestArns.Region }),
                S3 = _s3,
                RecoveryBackup = new RecoveryBackupApiClient(MotoApi.Options()),
                Backup = new BackupApiClient(MotoApi.Options()),
                Output = output,
                PasswordApplyTimeout = TimeSpan.FromSeconds(5),
                // A restored aurora-postgresql cluster answers at the local PostgreSQL, an aurora-mysql one at the local MariaDB.
                DatabaseEndpointMap = (host, _) => host.Contains("-orders-pg-", StringComparison.Ordinal)
                    ? (TestServices.PostgresHost, TestServices.PostgresPort)
                    : (TestServices.MariaDbHost, TestServices.MariaDbPort),
                SqlProbe = new LocalAccountProbe(logins),
            });
            var harness = new StepFunctionsHarness();
            await using var forwarder = new LambdaForwarder(async body => (await handler.HandleAsync(body, CancellationToken.None))?.ToJsonString() ?? "null");
            var function = await harness.CreateForwardedFunctionAsync($"acme-store-recovery-steps-{_id}", forwarder);
            var machine = await harness.CreateStateMachineAsync(
                RecoveryStateMachineDefinition.Build(function, TierName.Critical, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), $"acme-store-recovery-{_id}");
            var execution = $"aurora-{_id}";

            var arn = await harness.StartExecutionAsync(machine, $"{{\"pointInTime\":\"latest\",\"tier\":\"{Tier}\",\"mode\":\"drill\"}}", execution);
            var result = await harness.WaitAsync(arn, TimeSpan.FromSeconds(240));

            result.Status.Should().Be("SUCCEEDED", $"{result.Error}: {result.Cause}; {string.Join(" > ", result.StatesEntered)}");
            var key = (await _s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = ReportBucket, Prefix = "recovery/" }))
                .S3Objects.Select(o => o.Key).Single(k => k.EndsWith($"/{execution}.json", StringComparison.Ordinal));
            var report = JsonNode.Parse((await MotoS3.ReadAsync(_s3, ReportBucket, key))!)!;
            report["result"]!.GetValue<string>().Should().Be("SUCCEEDED", report.ToJsonString());
            report["tier"]!.GetValue<string>().Should().Be(Tier);
            var resources = report["resources"]!.AsArray().Select(r => r!).ToList();
            resources.Select(r => r["resource"]!["sourceArn"]!.GetValue<string>()).Should().BeEquivalentTo([pgArn, myArn]);
            foreach (var r in resources)
            {
                var source = r["resource"]!["sourceName"]!.GetValue<string>();
                r["resource"]!["kind"]!.GetValue<string>().Should().Be("aurora");
                r["status"]!.GetValue<string>().Should().Be("PASSED", r.ToJsonString());
                r["recordCount"]!.GetValue<long>().Should().Be(2, "two shop_order rows in {0}; the refund is not an order", source);
                DateTimeOffset.Parse(r["newestRecordAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).Should().Be(newest);
                var instance = r["resource"]!["instanceName"]!.GetValue<string>();
                instance.Should().StartWith($"recovery-{RecoveryNames.Token(execution)}-").And.EndWith("-w1");
                var checks = r["checks"]!.AsArray().Select(c => (Name: c!["name"]!.GetValue<string>(), Status: c["status"]!.GetValue<string>())).ToList();
                checks.Should().Contain(("aurora.temporaryInstance", "PASSED")).And.Contain(("sql.oneTimePassword", "PASSED"));
                r["endpoint"]!.GetValue<string>().Should().Contain($"{r["resource"]!["restoredName"]!.GetValue<string>()}.cluster-");
            }

            report["checks"]!.AsArray().Select(c => (Name: c!["name"]!.GetValue<string>(), Status: c["status"]!.GetValue<string>()))
                .Should().Contain(($"consistency.{Postgres}", "PASSED")).And.Contain(($"consistency.{MySql}", "PASSED"));

            rds.FirstSeenMembers.Keys.Should().BeEquivalentTo(resources.Select(r => r["resource"]!["restoredName"]!.GetValue<string>()));
            rds.FirstSeenMembers.Values.Should().OnlyContain(m => m.Count == 0, "RestoreDBClusterToPointInTime restores the cluster without DB instances; the flow adds one");
            logins.Select(l => l.Engine).Should().BeEquivalentTo([SqlEngine.PostgreSql, SqlEngine.MySql]);
            logins.Should().OnlyContain(l => l.Password != RecoveryWorld.SourcePassword, "drill mode probes with a one-time password set on the throw-away cluster");

            (await RestoredLeftAsync(execution)).Should().BeEmpty("drill mode deletes the added instance and the restored cluster");
            (await SourcesLeftAsync()).Should().BeEquivalentTo([Postgres, MySql], "sources are never touched");
        }
        finally
        {
            await DisposeSourcesAsync();
        }
    }

    /// <summary>Records the members of each restored cluster the first time the flow describes it.</summary>
    private sealed class MembersSpy(IRecoveryRdsApi inner) : IRecoveryRdsApi
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> FirstSeenMembers { get; } = new(StringComparer.Ordinal);

        public async Task<RdsRestoreTarget> DescribeClusterAsync(string dbClusterIdentifier, CancellationToken cancellationToken)
        {
            var cluster = await inner.DescribeClusterAsync(dbClusterIdentifier, cancellationToken);
            if (dbClusterIdentifier.StartsWith(RestoreTestNames.RecoveryPrefix, StringComparison.Ordinal))
            {
                FirstSeenMembers.TryAdd(dbClusterIdentifier, [.. cluster.Members]);
            }

            return cluster;
        }

        public Task<RdsRestoreTarget> DescribeInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken) => inner.DescribeInstanceAsync(dbInstanceIdentifier, cancellationToken);

        public Task RestoreInstanceToPointInTimeAsync(string sourceIdentifier, string targetIdentifier, DateTimeOffset restoreTime, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
            inner.RestoreInstanceToPointInTimeAsync(sourceIdentifier, targetIdentifier, restoreTime, tags, cancellationToken);

        public Task RestoreClusterToPointInTimeAsync(string sourceIdentifier, string targetIdentifier, DateTimeOffset restoreTime, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
            inner.RestoreClusterToPointInTimeAsync(sourceIdentifier, targetIdentifier, restoreTime, tags, cancellationToken);

        public Task CreateClusterInstanceAsync(string clusterIdentifier, string instanceIdentifier, string engine, string instanceClass, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
            inner.CreateClusterInstanceAsync(clusterIdentifier, instanceIdentifier, engine, instanceClass, tags, cancellationToken);

        public Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string arn, CancellationToken cancellationToken) => inner.ListTagsAsync(arn, cancellationToken);

        public Task DeleteInstanceAsync(string dbInstanceIdentifier, CancellationToken cancellationToken) => inner.DeleteInstanceAsync(dbInstanceIdentifier, cancellationToken);

        public Task DeleteClusterAsync(string dbClusterIdentifier, CancellationToken cancellationToken) => inner.DeleteClusterAsync(dbClusterIdentifier, cancellationToken);
    }

    /// <summary>Records the login the validator chose, then connects with the local server's own account (the restored copy would accept the one-time password just set).</summary>
    private sealed class LocalAccountProbe(List<SqlTarget> logins) : ISqlProbe
    {
        private readonly AdoSqlProbe _inner = new();

        public Task<SqlProbeResult> RunAsync(SqlTarget target, string query, CancellationToken cancellationToken)
        {
            lock (logins)
            {
                logins.Add(target);
            }

            return _inner.RunAsync(target.Engine == SqlEngine.PostgreSql
                ? target with { Username = TestServices.PostgresUser, Password = TestServices.PostgresPassword }
                : target with { Username = TestServices.MariaDbUser, Password = TestServices.MariaDbPassword }, query, cancellationToken);
        }
    }
}
