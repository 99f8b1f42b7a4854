using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Backup;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Handlers;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure.StepFunctions;
using EcommerceBackupCdk.RestoreDrill.Validators.Sql;
using EcommerceBackupCdk.TestSupport;

namespace EcommerceBackupCdk.RestoreDrill.Tests.StepFunctions;

/// <summary>
/// The synthesized drill flow runs in moto's Step Functions interpreter; its Lambda tasks reach the real validator
/// (<see cref="LambdaForwarder"/>), which talks to AWS Backup (<see cref="FakeBackupService"/>), RDS (moto) and the
/// real MariaDB. Aurora is restored the way AWS Backup restores it: a cluster with no instance ("AWS Backup restores
/// your Aurora cluster; it does not create or attach an Amazon RDS instance to your cluster",
/// https://docs.aws.amazon.com/aws-backup/latest/devguide/restoring-aur.html).
/// </summary>
[Collection(StepFunctionsCollection.Name)]
public sealed class DrillFlowTests : IAsyncLifetime
{
    private static readonly Lazy<string> Definition = new(() => EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure.JsiiGate.Run(SynthesizedDefinitionTemplate));
    private DrillHarness _h = null!;

    public async Task InitializeAsync() => _h = await DrillHarness.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var forwarder in _forwarders)
        {
            await forwarder.DisposeAsync();
        }

        await _h.DisposeAsync();
    }

    [Fact]
    public async Task Flow_MemberlessAuroraCluster_AddsTemporaryInstanceProbesDeletesAndRecordsSuccessOnce()
    {
        var flow = await StartFlowAsync();
        var (jobId, clusterId, evt) = await MemberlessAuroraJobAsync(flow);

        var result = await flow.Harness.RunAsync(flow.StateMachineArn, evt, TimeSpan.FromSeconds(120));
        await flow.Rds.AppliedAsync();

        result.Status.Should().Be("SUCCEEDED", $"{result.Error}: {result.Cause}");
        result.StatesEntered.Should().ContainInOrder("Inspect", "Lock", "CreateTemporaryInstance", "PollInstance", "Validate", "DeleteTemporaryInstance", "PollDeletion", "Record");
        var put = _h.Backup.Validations.Should().ContainSingle().Which;
        put.Status.Should().Be("SUCCESSFUL", put.Message);
        put.Message.Should().Contain("3 records", "the WooCommerce HPOS fixture holds 3 shop orders");
        var report = await _h.ReportAsync(jobId, DateTimeOffset.UtcNow.AddMinutes(-10));
        report!.RecordCount.Should().Be(3);
        report.NewestRecordAt.Should().Be(new DateTimeOffset(SqlServers.NewestOrderUtc));
        report.Checks.Select(c => c.Name).Should().Contain(["aurora.temporaryInstance", "sql.oneTimePassword", "aurora.temporaryInstanceDeleted"]);
        var temporary = clusterId + "-drill";
        flow.Rds.Calls.Should().Contain(c => c.StartsWith($"CreateDBInstance {temporary} {clusterId} ", StringComparison.Ordinal) && c.Contains("awsbackup-restore-test", StringComparison.Ordinal));
        flow.Rds.Calls.Should().Contain($"DeleteDBInstance {temporary}");
        var gone = () => new RdsApiClient(MotoApi.Options()).DescribeDbInstanceAsync(temporary, CancellationToken.None);
        (await gone.Should().ThrowAsync<AwsServiceException>()).Which.ErrorCode.Should().Be("DBInstanceNotFound");
        (await new RdsApiClient(MotoApi.Options()).DescribeDbClusterAsync(clusterId, CancellationToken.None)).Status.Should().Be("available", "the cluster is left for AWS Backup's clean-up");

        // The one-time password never leaves the validate step.
        var password = flow.Rds.PasswordsSet.Should().ContainSingle().Which;
        result.HistoryText.Should().NotContain(password);
        _h.Output.ToString().Should().NotContain(password);
        (await MotoS3.ReadAsync(_h.S3, _h.ReportBucket, DrillReportKey.For(jobId, report.RestoreJobCreatedAt!.Value)))!.Should().NotContain(password);
    }

    [Fact]
    public async Task Flow_TwoConcurrentDeliveriesOfOneEvent_GiveOneVerdictAndOneReport()
    {
        var flow = await StartFlowAsync();
        var (_, _, evt) = await MemberlessAuroraJobAsync(flow);

        var first = flow.Harness.StartExecutionAsync(flow.StateMachineArn, evt);
        var second = flow.Harness.StartExecutionAsync(flow.StateMachineArn, evt);
        var results = await Task.WhenAll(
            flow.Harness.WaitAsync(await first, TimeSpan.FromSeconds(120)),
            flow.Harness.WaitAsync(await second, TimeSpan.FromSeconds(120)));

        results.Should().AllSatisfy(r => r.Status.Should().Be("SUCCEEDED", $"{r.Error}: {r.Cause}"));
        results.Count(r => r.StatesEntered.Contains("DuplicateExecution")).Should().Be(1);
        _h.Backup.Validations.Should().ContainSingle();
        flow.Rds.Calls.Count(c => c.StartsWith("CreateDBInstance", StringComparison.Ordinal)).Should().Be(1);
        _h.EmfLines().Should().ContainSingle();
    }

    [Fact]
    public async Task Flow_FinalEventBeforeTheJobReadsFinal_WaitsAndValidatesOnceItDoes()
    {
        var flow = await StartFlowAsync();
        var (jobId, _, evt) = await MemberlessAuroraJobAsync(flow, status: "RUNNING");
        _ = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(6));
            _h.Backup.Job(jobId)["Status"] = "COMPLETED";
        });

        var result = await flow.Harness.RunAsync(flow.StateMachineArn, evt, TimeSpan.FromSeconds(120));

        result.Status.Should().Be("SUCCEEDED", $"{result.Error}: {result.Cause}");
        result.StatesEntered.Should().Contain("WaitForFinalJobState");
        result.StatesEntered.Count(s => s == "Inspect").Should().BeGreaterThan(1);
        _h.Backup.Validations.Should().ContainSingle().Which.Status.Should().Be("SUCCESSFUL");
    }

    [Fact]
    public async Task Flow_DescribeRestoreJobThrottledThenAnswering_RetriesInsteadOfFailingTheDrill()
    {
        var flow = await StartFlowAsync();
        var (_, _, evt) = await MemberlessAuroraJobAsync(flow);
        // The client itself tries 3 times; 3 throttles make the first Inspect fail with TransientDrillException.
        for (var i = 0; i < 3; i++)
        {
            _h.Server.Faults.Enqueue(Fault.Throttling());
        }

        var result = await flow.Harness.RunAsync(flow.StateMachineArn, evt, TimeSpan.FromSeconds(120));

        result.Status.Should().Be("SUCCEEDED", $"{result.Error}: {result.Cause}");
        result.History.Should().Contain(e => e["type"]!.GetValue<string>() == "TaskFailed" && e.ToJsonString().Contains("TransientDrillException", StringComparison.Ordinal));
        _h.Backup.Validations.Should().ContainSingle().Which.Status.Should().Be("SUCCESSFUL");
    }

    [Fact]
    public async Task Flow_ReportWriteFailsOnce_RetriesTheRecordStepUntilTheReportExistsThenPutsOnce()
    {
        var reports = new FlakyReportStore(failures: 1);
        var flow = await StartFlowAsync(reports);
        var (jobId, _, evt) = await MemberlessAuroraJobAsync(flow);

        var result = await flow.Harness.RunAsync(flow.StateMachineArn, evt, TimeSpan.FromSeconds(120));

        result.Status.Should().Be("SUCCEEDED", $"{result.Error}: {result.Cause}");
        reports.Attempts.Should().Be(2);
        result.StatesEntered.Count(s => s == "Record").Should().Be(1, "a retry stays in the state");
        _h.Backup.Validations.Should().ContainSingle();
        (await _h.ReportAsync(jobId, DateTimeOffset.UtcNow.AddMinutes(-10))).Should().NotBeNull();
    }

    private async Task<(string JobId, string ClusterId, string Event)> MemberlessAuroraJobAsync(Flow flow, string status = "COMPLETED")
    {
        var clusterId = TestArns.Unique("awsbackup-restore-test");
        var clusterArn = await MotoApi.CreateDbClusterAsync(clusterId, "aurora-mysql", encrypted: true, databaseName: flow.Database, masterUsername: flow.MasterUser);
        (await new RdsApiClient(MotoApi.Options()).DescribeDbClusterAsync(clusterId, CancellationToken.None)).MemberInstanceIdentifiers.Should().BeEmpty("AWS Backup restores Aurora clusters without instances");
        var jobId = Guid.NewGuid().ToString().ToUpperInvariant();
        var now = DateTimeOffset.UtcNow;
        _h.Backup.AddJob(FakeBackupService.CompletedJob(jobId, "Aurora", clusterArn, new DateTimeOffset(SqlServers.NewestOrderUtc).AddMinutes(1), now.AddMinutes(-10), now, status: status));
        return (jobId, clusterId, DrillHarness.CompletedEvent(jobId, "Aurora", clusterArn));
    }

    private sealed record Flow(StepFunctionsHarness Harness, string StateMachineArn, PasswordApplyingRds Rds, string Database, string MasterUser, LambdaForwarder Forwarder);

    private readonly List<LambdaForwarder> _forwarders = [];

    private async Task<Flow> StartFlowAsync(FlakyReportStore? reports = null)
    {
        var harness = new StepFunctionsHarness();
        var database = await SqlServers.CreateMariaDbAsync(SqlServers.WooCommerceHpos());
        var masterUser = "m" + Guid.NewGuid().ToString("N")[..12];
        var rds = new PasswordApplyingRds(new RdsApiClient(MotoApi.Options()), database, TimeSpan.FromMilliseconds(800));
        var env = _h.Environment((DrillVariables.PollBaseSeconds, "1"), (DrillVariables.PollMaxSeconds, "2"));
        var settings = DrillSettings.FromEnvironment(env);
        var validator = new RestoreDrillValidator(settings, new RestoreDrillDependencies
        {
            Backup = new BackupApiClient(FastRetries.For(_h.Server.Endpoint, maxAttempts: 3)),
            Rds = rds,
            Secrets = new SecretsManagerApiClient(MotoApi.Options()),
            DynamoDb = _h.DynamoDb,
            S3 = _h.S3,
            Reports = reports is { } flaky ? flaky.Wrap(new S3DrillReportStore(_h.S3, settings.ReportBucket)) : new S3DrillReportStore(_h.S3, settings.ReportBucket),
            SqlProbe = new AdoSqlProbe(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)),
            Output = _h.Output,
            DatabaseEndpointMap = (_, _) => (TestServices.MariaDbHost, TestServices.MariaDbPort),
            PasswordApplyTimeout = TimeSpan.FromSeconds(20),
            PasswordRetryDelay = TimeSpan.FromMilliseconds(200),
        });
        var handler = new DrillFlowHandler(validator);
        var forwarder = new LambdaForwarder(body => handler.HandleAsync(body, CancellationToken.None));
        _forwarders.Add(forwarder);
        var function = await harness.CreateForwardedFunctionAsync("validator-" + Guid.NewGuid().ToString("N")[..8], forwarder);
        var table = "drill-locks-" + Guid.NewGuid().ToString("N")[..8];
        await harness.CreateTableAsync(table, "restoreJobId");
        var template = JsonNode.Parse(Definition.Value)!.AsObject();
        var (_, definitionString) = StepFunctionsHarness.FindStateMachine(template);
        var values = new Dictionary<string, string>();
        foreach (var (logicalId, resource) in template["Resources"]!.AsObject())
        {
            switch (resource!["Type"]!.GetValue<string>())
            {
                case "AWS::Lambda::Function":
                    values[$"{logicalId}.Arn"] = function;
                    break;
                case "AWS::DynamoDB::Table":
                    values[logicalId] = table;
                    break;
            }
        }

        var machine = await harness.CreateStateMachineAsync(StepFunctionsHarness.ResolveDefinition(definitionString, values));
        return new Flow(harness, machine, rds, database, masterUser, forwarder);
    }

    // The definition as the RestoreDrill construct synthesizes it (the same JSON CloudFormation receives).
    private static string SynthesizedDefinitionTemplate()
    {
        var app = new App(new AppProps { Context = new Dictionary<string, object> { ["aws:cdk:bundling-stacks"] = Array.Empty<string>() } });
        var stack = new Stack(app, "FlowTest", new StackProps { Env = new Amazon.CDK.Environment { Account = TestArns.Account, Region = TestArns.Region } });
        var vault = new BackupVault(stack, "Vault", new BackupVaultProps { BackupVaultName = "acme-primary" });
        var stub = Path.Combine(Path.GetTempPath(), "ebc-flow-stub-validator");
        Directory.CreateDirectory(stub);
        File.WriteAllText(Path.Combine(stub, "EcommerceBackupCdk.RestoreDrill.dll"), "stub");
        _ = new EcommerceBackupCdk.Drills.RestoreDrill(stack, "Drills", new RestoreDrillProps
        {
            StoreName = "acme",
            Vault = vault,
            Targets = EcommerceBackupCdk.Tiers.BackupTargets.Defaults,
            Options = new DrillOptions { ValidatorCode = Amazon.CDK.AWS.Lambda.Code.FromAsset(stub) },
        });
        return TemplateJson.Of(Template.FromStack(stack)).ToJsonString();
    }
}
