using Amazon.DynamoDBv2;
using Amazon.S3;
using EcommerceBackupCdk.RestoreDrill.Configuration;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// The composition root of the functions' AWS clients: the real clients for the region and endpoint overrides of
/// validated settings. Used by <see cref="Handlers.RestoreDrillValidator.Create"/> and
/// <see cref="Recovery.StoreRecoveryHandler.Create"/>, so both talk to AWS the same way.
/// </summary>
internal sealed class AwsClientSet
{
    private readonly DrillSettings _settings;

    public AwsClientSet(DrillSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        var region = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
        var dynamoConfig = new AmazonDynamoDBConfig { RegionEndpoint = region };
        if (settings.DynamoDbEndpoint is not null)
        {
            dynamoConfig.ServiceURL = settings.DynamoDbEndpoint.ToString();
            dynamoConfig.AuthenticationRegion = settings.Region;
        }

        var s3Config = new AmazonS3Config { RegionEndpoint = region };
        if (settings.S3Endpoint is not null)
        {
            s3Config.ServiceURL = settings.S3Endpoint.ToString();
            s3Config.ForcePathStyle = true;
            s3Config.AuthenticationRegion = settings.Region;
        }

        DynamoDb = new AmazonDynamoDBClient(dynamoConfig);
        S3 = new AmazonS3Client(s3Config);
        Backup = new BackupApiClient(Options(settings.BackupEndpoint));
        Rds = new RdsApiClient(Options(settings.RdsEndpoint));
        Secrets = new SecretsManagerApiClient(Options(settings.SecretsManagerEndpoint));
    }

    public IAmazonDynamoDB DynamoDb { get; }

    public IAmazonS3 S3 { get; }

    public IBackupApi Backup { get; }

    public IRdsApi Rds { get; }

    public ISecretsApi Secrets { get; }

    /// <summary>Options of a minimal client (<see cref="AwsClientOptions"/>) in the settings' region.</summary>
    public AwsClientOptions Options(Uri? endpoint) => new() { Region = _settings.Region, Endpoint = endpoint };
}
