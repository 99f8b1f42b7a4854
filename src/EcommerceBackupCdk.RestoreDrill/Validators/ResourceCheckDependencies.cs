using Amazon.DynamoDBv2;
using Amazon.S3;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Validators.Sql;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>
/// What the data checks of a restored resource talk to (<see cref="DynamoDbValidator"/>, <see cref="S3Validator"/>,
/// <see cref="RdsValidator"/>). The drill validator and store recovery both run them, so both dependency sets derive
/// from this one.
/// </summary>
public abstract record ResourceCheckDependencies
{
    public required IBackupApi Backup { get; init; }

    public required IRdsApi Rds { get; init; }

    public required ISecretsApi Secrets { get; init; }

    public required IAmazonDynamoDB DynamoDb { get; init; }

    public required IAmazonS3 S3 { get; init; }

    public ISqlProbe SqlProbe { get; init; } = new AdoSqlProbe();

    /// <summary>Log and EMF output; Lambda sends stdout to CloudWatch Logs.</summary>
    public TextWriter Output { get; init; } = Console.Out;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Maps a restored database endpoint before connecting (identity unless a test redirects it).</summary>
    public Func<string, int, (string Host, int Port)>? DatabaseEndpointMap { get; init; }

    /// <summary>How long a probe retries a refused login while RDS applies a one-time password. Default 120 s.</summary>
    public TimeSpan? PasswordApplyTimeout { get; init; }

    /// <summary>Wait between two such retries. Default 5 s.</summary>
    public TimeSpan? PasswordRetryDelay { get; init; }

    /// <summary>The data check of a DynamoDB table.</summary>
    internal IResourceValidator DynamoDbCheck(int scanSegments) => new DynamoDbValidator(DynamoDb, scanSegments);

    /// <summary>The data check of an S3 bucket.</summary>
    internal IResourceValidator S3Check() => new S3Validator(S3);

    /// <summary>The data check of an RDS instance or Aurora cluster, logging in with <paramref name="credentials"/>.</summary>
    internal IResourceValidator RdsCheck(RdsProbeCredentials credentials) =>
        new RdsValidator(Rds, Secrets, SqlProbe, DatabaseEndpointMap, credentials, PasswordApplyTimeout, PasswordRetryDelay);
}
