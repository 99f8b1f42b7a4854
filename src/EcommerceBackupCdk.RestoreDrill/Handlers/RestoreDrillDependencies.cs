using Amazon.DynamoDBv2;
using Amazon.S3;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Validators.Sql;

namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>Everything the validator talks to; <see cref="RestoreDrillValidator.Create"/> builds the real ones.</summary>
public sealed record RestoreDrillDependencies
{
    public required IBackupApi Backup { get; init; }

    public required IRdsApi Rds { get; init; }

    public required ISecretsApi Secrets { get; init; }

    public required IAmazonDynamoDB DynamoDb { get; init; }

    public required IAmazonS3 S3 { get; init; }

    public required IDrillReportStore Reports { get; init; }

    public ISqlProbe SqlProbe { get; init; } = new AdoSqlProbe();

    /// <summary>Log and EMF output; Lambda sends stdout to CloudWatch Logs.</summary>
    public TextWriter Output { get; init; } = Console.Out;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Maps a restored database endpoint before connecting (identity unless a test redirects it).</summary>
    public Func<string, int, (string Host, int Port)>? DatabaseEndpointMap { get; init; }

    /// <summary>How long a probe retries a refused login while RDS applies the one-time password. Default 120 s.</summary>
    public TimeSpan? PasswordApplyTimeout { get; init; }

    /// <summary>Wait between two such retries. Default 5 s.</summary>
    public TimeSpan? PasswordRetryDelay { get; init; }
}
