using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.S3;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Handlers;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Validators.Sql;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>
/// The validator wired to real local parts: AWS Backup played by <see cref="FakeBackupService"/> behind a
/// SigV4-verifying <see cref="LocalAwsServer"/>, RDS/Secrets Manager/S3 in moto, DynamoDB in dynalite,
/// databases in MariaDB/PostgreSQL. Restored RDS endpoints (moto's fake hosts) are mapped to the local servers.
/// </summary>
public sealed class DrillHarness : IAsyncDisposable
{
    private DrillHarness(LocalAwsServer server, FakeBackupService backup, AmazonS3Client s3, string reportBucket)
    {
        Server = server;
        Backup = backup;
        S3 = s3;
        ReportBucket = reportBucket;
    }

    public LocalAwsServer Server { get; }

    public FakeBackupService Backup { get; }

    public AmazonS3Client S3 { get; }

    public Amazon.DynamoDBv2.AmazonDynamoDBClient DynamoDb { get; } = Dynalite.Client();

    public string ReportBucket { get; }

    public StringWriter Output { get; } = new();

    public static async Task<DrillHarness> StartAsync()
    {
        var backup = new FakeBackupService();
        var server = new LocalAwsServer(TestArns.Region, "backup", backup.Handle);
        var s3 = MotoS3.Client();
        var bucket = await MotoS3.CreateBucketAsync(s3);
        return new DrillHarness(server, backup, s3, bucket);
    }

    public Dictionary<string, string> Environment(params (string Name, string Value)[] extra)
    {
        var env = new Dictionary<string, string>
        {
            [DrillVariables.StoreName] = "acme",
            [DrillVariables.ReportBucket] = ReportBucket,
            [DrillVariables.Region] = TestArns.Region,
            [DrillVariables.RestoreTestingPlanArns] = TestArns.PlanArn,
            [DrillVariables.DynamoDbScanSegments] = "2",
        };
        foreach (var (name, value) in extra)
        {
            env[name] = value;
        }

        return env;
    }

    public RestoreDrillValidator Validator(params (string Name, string Value)[] extra) => Validator(Environment(extra));

    public RestoreDrillValidator Validator(Dictionary<string, string> env)
    {
        var settings = DrillSettings.FromEnvironment(env);
        return new RestoreDrillValidator(settings, new RestoreDrillDependencies
        {
            Backup = new BackupApiClient(FastRetries.For(Server.Endpoint, maxAttempts: 3)),
            Rds = new RdsApiClient(MotoApi.Options()),
            Secrets = new SecretsManagerApiClient(MotoApi.Options()),
            DynamoDb = DynamoDb,
            S3 = S3,
            Reports = new S3DrillReportStore(S3, settings.ReportBucket),
            SqlProbe = new AdoSqlProbe(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)),
            Output = Output,
            DatabaseEndpointMap = (_, port) => port == 5432
                ? (TestServices.PostgresHost, TestServices.PostgresPort)
                : (TestServices.MariaDbHost, TestServices.MariaDbPort),
        });
    }

    /// <summary>The AWS documentation's COMPLETED sample event, with the fields of this job put in.</summary>
    public static string CompletedEvent(string jobId, string resourceType, string createdResourceArn, string? sourceArn = null, string? planArn = TestArns.PlanArn)
    {
        var evt = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "aws-sample-restore-job-completed.json")))!;
        var detail = evt["detail"]!;
        detail["restoreJobId"] = jobId;
        detail["resourceType"] = resourceType;
        detail["createdResourceArn"] = createdResourceArn;
        detail["sourceResourceArn"] = sourceArn ?? createdResourceArn;
        if (planArn is not null)
        {
            detail["restoreTestingPlanArn"] = planArn;
        }

        return evt.ToJsonString();
    }

    public async Task<DrillReport?> ReportAsync(string jobId, DateTimeOffset created)
    {
        var json = await MotoS3.ReadAsync(S3, ReportBucket, DrillReportKey.For(jobId, created));
        return json is null ? null : DrillReportJson.Deserialize(json);
    }

    /// <summary>The EMF lines the validator wrote.</summary>
    public IReadOnlyList<JsonElement> EmfLines() => Output.ToString()
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => JsonDocument.Parse(line).RootElement)
        .Where(e => e.TryGetProperty("_aws", out _))
        .ToList();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        S3.Dispose();
        DynamoDb.Dispose();
        await Output.DisposeAsync();
    }
}
