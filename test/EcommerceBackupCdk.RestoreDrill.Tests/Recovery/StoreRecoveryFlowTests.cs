using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.RestoreDrill.Recovery;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure.StepFunctions;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Recovery;

/// <summary>
/// The <c>&lt;store&gt;-store-recovery</c> definition (the JSON <see cref="RecoveryStateMachineDefinition"/> builds, the same
/// the construct deploys) runs end to end in moto 5.2's interpreter: <c>aws-sdk:resourcegroupstaggingapi:getResources</c>
/// against moto's tagging backend, the steps in the recovery handler (forwarded Lambda), DynamoDB and RDS point-in-time
/// restores in moto, the SQL probe against the real PostgreSQL. moto differs from AWS where noted: its
/// RestoreTableToPointInTime copies every item regardless of the time ("Currently this only accepts the source and
/// target table elements, and will copy all items", moto's docstring), its restored resources are available at once, and
/// its aws-sdk results come in boto casing (the collect step reads them case-insensitively for that reason).
/// S3 restores through AWS Backup are not in moto; that branch is covered by request-shape tests.
/// </summary>
[Collection("store-recovery")]
public sealed class StoreRecoveryFlowTests
{
    private static async Task<(StepFunctionsHarness Harness, string Machine, LambdaForwarder Forwarder)> DeployAsync(RecoveryWorld world, StoreRecoveryHandler? withHandler = null)
    {
        var harness = new StepFunctionsHarness();
        var handler = withHandler ?? world.Handler();
        var forwarder = new LambdaForwarder(async body => (await handler.HandleAsync(body, CancellationToken.None))?.ToJsonString() ?? "null");
        var function = await harness.CreateForwardedFunctionAsync($"acme-store-recovery-steps-{world.Id}", forwarder);
        var definition = RecoveryStateMachineDefinition.Build(function, TierName.Critical, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        var machine = await harness.CreateStateMachineAsync(definition, $"acme-store-recovery-{world.Id}");
        return (harness, machine, forwarder);
    }

    private static async Task<JsonNode> ReportAsync(RecoveryWorld world, string executionName, string extension = "json")
    {
        var listing = await world.S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = world.ReportBucket, Prefix = "recovery/" });
        var key = listing.S3Objects.Select(o => o.Key).Single(k => k.EndsWith($"/{executionName}.{extension}", StringComparison.Ordinal));
        var text = await MotoS3.ReadAsync(world.S3, world.ReportBucket, key);
        return extension == "json" ? JsonNode.Parse(text!)! : JsonValue.Create(text!)!;
    }

    [Fact]
    public async Task Drill_Latest_RestoresOrdersAndCartsToOneSecond_ValidatesMeasuresAndLeavesNothing()
    {
        var world = await RecoveryWorld.CreateAsync();
        try
        {
            var (harness, machine, forwarder) = await DeployAsync(world);
            await using var _ = forwarder;
            var window = (await world.DynamoDb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = world.CartsTable }))
                .ContinuousBackupsDescription.PointInTimeRecoveryDescription;
            var execution = $"drill-{world.Id}";

            var arn = await harness.StartExecutionAsync(machine, "{\"pointInTime\":\"latest\",\"mode\":\"drill\"}", execution);
            var result = await harness.WaitAsync(arn, TimeSpan.FromSeconds(180));

            result.Status.Should().Be("SUCCEEDED", $"{result.Error}: {result.Cause}; {string.Join(" > ", result.StatesEntered)}");
            result.StatesEntered.Should().ContainInOrder("Discover", "Collect", "Plan", "Restore", "StartRestore", "PollRestore", "Validate", "Report", "Cleanup", "Delete", "Recovered");

            var report = await ReportAsync(world, execution);
            var point = DateTimeOffset.Parse(report["pointInTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            var latest = new DateTimeOffset(DateTime.SpecifyKind(window.LatestRestorableDateTime!.Value.ToUniversalTime(), DateTimeKind.Utc));
            // latest = the earliest of the latest restorable times: moto's RDS reports now, its DynamoDB the moment PITR was
            // enabled (also its earliest, so the window is narrower than a second and the exact time is kept).
            point.Should().Be(latest);
            report["result"]!.GetValue<string>().Should().Be("SUCCEEDED", report.ToJsonString());
            report["mode"]!.GetValue<string>().Should().Be("drill");
            report["cutoverSteps"]!.AsArray().Should().BeEmpty();

            var resources = report["resources"]!.AsArray().Select(r => r!).ToList();
            resources.Select(r => r["resource"]!["sourceArn"]!.GetValue<string>()).Should().BeEquivalentTo([world.CartsArn, world.OrdersArn]);
            resources.Should().OnlyContain(r => r["resource"]!["restoredName"]!.GetValue<string>().StartsWith("recovery-" + RecoveryNames.Token(execution), StringComparison.Ordinal));
            resources.Should().OnlyContain(r => r["status"]!.GetValue<string>() == "PASSED");
            var orders = resources.Single(r => r["resource"]!["kind"]!.GetValue<string>() == "rds");
            orders["recordCount"]!.GetValue<long>().Should().Be(2, "two shop_order rows; the refund is not an order");
            DateTimeOffset.Parse(orders["newestRecordAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).Should().Be(world.NewestOrder);
            var carts = resources.Single(r => r["resource"]!["kind"]!.GetValue<string>() == "dynamodb");
            carts["recordCount"]!.GetValue<long>().Should().Be(2);
            DateTimeOffset.Parse(carts["newestRecordAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).Should().Be(world.NewestCart);

            var checks = report["checks"]!.AsArray().Select(c => (Name: c!["name"]!.GetValue<string>(), Status: c["status"]!.GetValue<string>())).ToList();
            checks.Should().Contain(($"consistency.{world.CartsTable}", "PASSED")).And.Contain(($"consistency.{world.OrdersInstance}", "PASSED"))
                .And.Contain(("target.fullStackRto", "PASSED")).And.Contain(("recovery.allResources", "PASSED"));
            var fullStack = report["fullStackRtoSeconds"]!.GetValue<long>();
            fullStack.Should().BeGreaterThan(0).And.BeLessThan(180);
            resources.Max(r => r["rtoSeconds"]!.GetValue<long>()).Should().Be(fullStack, "full-stack RTO = start of execution to the last resource validated");

            (await ReportAsync(world, execution, "md")).GetValue<string>().Should().Contain("# Store recovery SUCCEEDED: acme (critical, drill)").And.Contain(world.OrdersInstance);
            (await MotoS3.ReadAsync(world.S3, world.ReportBucket, "recovery/latest.json")).Should().Contain(execution);

            var emf = world.Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            var store = emf.Single(m => m["FullStackRtoSeconds"] is not null);
            store["FullStackRtoSeconds"]!.GetValue<double>().Should().Be(fullStack);
            store["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]!.GetValue<string>().Should().Be(RecoveryContract.MetricNamespace);
            store["Tier"]!.GetValue<string>().Should().Be("critical");
            emf.Count(m => m["ResourceRtoSeconds"] is not null).Should().Be(2);

            world.ProbeLogins.Should().ContainSingle().Which.Should().Match<(string User, string Password)>(l => l.User == "admin" && l.Password != RecoveryWorld.SourcePassword,
                "drill mode probes with a one-time password set on the throw-away copy, never the production one");

            (await world.RestoredLeftAsync(execution)).Should().BeEmpty("drill mode deletes everything the execution created");
            (await world.TableExistsAsync(world.CartsTable)).Should().BeTrue("sources are never touched");
            (await world.InstanceExistsAsync(world.OrdersInstance)).Should().BeTrue("sources are never touched");
        }
        finally
        {
            await world.DisposeSourcesAsync();
        }
    }

    /// <summary>
    /// The whole store of the issue's "done means": orders (RDS), carts (DynamoDB) and media (S3, through the documented
    /// AWS Backup fake, <see cref="FakeS3RestoreBackup"/>) restored to one second, validated, and all deleted in drill mode.
    /// </summary>
    [Fact]
    public async Task Drill_Latest_OrdersCartsAndMedia_RestoredToOneSecond_AndAllDeleted()
    {
        var world = await RecoveryWorld.CreateAsync();
        var media = $"media-{world.Id}";
        var backup = new FakeS3RestoreBackup { CreateBucket = b => MotoS3.CreateBucketAsync(world.S3, b, ("images/logo.png", "restored-bytes")) };
        await using var server = new LocalAwsServer(TestArns.Region, "backup", backup.Handle);
        try
        {
            await MotoS3.CreateBucketAsync(world.S3, media, ("images/logo.png", "source-bytes"));
            await world.S3.PutBucketTaggingAsync(new Amazon.S3.Model.PutBucketTaggingRequest
            {
                BucketName = media,
                TagSet = [new Amazon.S3.Model.Tag { Key = "ecommerce-backup:tier", Value = RecoveryWorld.Tier }],
            });
            backup.AddRecoveryPoint($"arn:aws:s3:::{media}", FakeS3RestoreBackup.ContinuousPoint($"{media}-0f51c39b"), DateTimeOffset.UtcNow.AddDays(-2));
            var (harness, machine, forwarder) = await DeployAsync(world, world.Handler(server.Endpoint, "arn:aws:iam::123456789012:role/acme-backup-s3-restore"));
            await using var _ = forwarder;
            var execution = $"store-{world.Id}";

            var arn = await harness.StartExecutionAsync(machine, "{\"pointInTime\":\"latest\",\"mode\":\"drill\"}", execution);
            var result = await harness.WaitAsync(arn, TimeSpan.FromSeconds(180));

            result.Status.Should().Be("SUCCEEDED", $"{result.Error}: {result.Cause}; {string.Join(" > ", result.StatesEntered)}");
            var report = await ReportAsync(world, execution);
            var point = report["pointInTime"]!.GetValue<string>();
            var resources = report["resources"]!.AsArray().Select(r => r!).ToList();
            resources.Select(r => r["resource"]!["kind"]!.GetValue<string>()).Should().BeEquivalentTo(["rds", "dynamodb", "s3"]);
            resources.Should().OnlyContain(r => r["status"]!.GetValue<string>() == "PASSED", report.ToJsonString());
            var restore = backup.Started.Should().ContainSingle().Subject;
            DateTimeOffset.Parse(restore["Metadata"]!["RestoreTime"]!.GetValue<string>(), CultureInfo.InvariantCulture)
                .Should().Be(DateTimeOffset.Parse(point, CultureInfo.InvariantCulture).AddTicks(-(DateTimeOffset.Parse(point, CultureInfo.InvariantCulture).UtcTicks % TimeSpan.TicksPerSecond)),
                    "the bucket is restored to the same second as the databases");
            var restoredMedia = RecoveryNames.S3(execution, media);
            (await world.S3.ListBucketsAsync()).Buckets.Select(b => b.BucketName).Should().NotContain(restoredMedia, "drill mode deletes the restored bucket").And.Contain(media);
            (await world.RestoredLeftAsync(execution)).Should().BeEmpty();
        }
        finally
        {
            await world.DisposeSourcesAsync();
            await world.S3.DeleteObjectAsync(media, "images/logo.png");
            await world.S3.DeleteBucketAsync(media);
        }
    }

    [Fact]
    public async Task ExplicitTime_OutsideAWindow_IsRefusedNamingTheResourceAndItsWindow_AndCreatesNothing()
    {
        var world = await RecoveryWorld.CreateAsync();
        try
        {
            var (harness, machine, forwarder) = await DeployAsync(world);
            await using var _ = forwarder;
            var execution = $"refused-{world.Id}";

            var arn = await harness.StartExecutionAsync(machine, "{\"pointInTime\":\"2020-01-01T00:00:00Z\",\"mode\":\"incident\"}", execution);
            var result = await harness.WaitAsync(arn, TimeSpan.FromSeconds(60));

            result.Status.Should().Be("FAILED");
            result.Error.Should().Be("RecoveryRefused");
            result.Cause.Should().Contain("nothing was restored").And.Contain("2020-01-01T00:00:00Z").And.Contain(world.CartsArn).And.Contain(world.OrdersArn).And.Contain("can be restored only to");
            result.StatesEntered.Should().NotContain("Restore");
            (await world.RestoredLeftAsync(execution)).Should().BeEmpty();
        }
        finally
        {
            await world.DisposeSourcesAsync();
        }
    }

    [Fact]
    public async Task Drill_OneBranchFails_OthersAreReported_AndOnlyWhatTheExecutionCreatedIsDeleted()
    {
        var world = await RecoveryWorld.CreateAsync();
        try
        {
            var (harness, machine, forwarder) = await DeployAsync(world);
            await using var _ = forwarder;
            var execution = $"clash-{world.Id}";
            // A table already holds the name the restore of the carts would take, and it is not this execution's:
            // the carts branch fails (TableAlreadyExistsException), the orders branch still restores and validates,
            // and the cleanup must leave the foreign table alone.
            var clash = RecoveryNames.DynamoDb(execution, world.CartsTable);
            await world.DynamoDb.CreateTableAsync(new CreateTableRequest
            {
                TableName = clash,
                KeySchema = [new KeySchemaElement("pk", Amazon.DynamoDBv2.KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition("pk", Amazon.DynamoDBv2.ScalarAttributeType.S)],
                BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
            });

            var arn = await harness.StartExecutionAsync(machine, "{\"pointInTime\":\"latest\",\"mode\":\"drill\"}", execution);
            var result = await harness.WaitAsync(arn, TimeSpan.FromSeconds(180));

            result.Status.Should().Be("FAILED");
            result.Error.Should().Be("RecoveryFailed");
            var report = await ReportAsync(world, execution);
            report["result"]!.GetValue<string>().Should().Be("FAILED");
            var resources = report["resources"]!.AsArray().Select(r => r!).ToList();
            var carts = resources.Single(r => r["resource"]!["kind"]!.GetValue<string>() == "dynamodb");
            carts["status"]!.GetValue<string>().Should().Be("FAILED");
            carts["error"]!.GetValue<string>().Should().Contain("already exists");
            resources.Single(r => r["resource"]!["kind"]!.GetValue<string>() == "rds")["status"]!.GetValue<string>().Should().Be("PASSED", "the other branch's result is reported beside the failure");
            report["fullStackRtoSeconds"].Should().BeNull("the store was not recovered, so there is no full-stack RTO");

            (await world.TableExistsAsync(clash)).Should().BeTrue("the table was not created by this execution (no execution tag), so cleanup leaves it");
            (await world.RestoredLeftAsync(execution)).Should().Equal([clash], "everything this execution created is gone, nothing else");
            await world.DynamoDb.DeleteTableAsync(clash);
        }
        finally
        {
            await world.DisposeSourcesAsync();
        }
    }
}
