using Amazon.DynamoDBv2;
using Amazon.S3;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Validators.Sql;

namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>Everything store recovery talks to; <see cref="StoreRecoveryHandler.Create"/> builds the real ones.</summary>
public sealed record StoreRecoveryDependencies
{
    public required IRecoveryRdsApi RecoveryRds { get; init; }

    /// <summary>Used by the drill validator's RDS checks.</summary>
    public required IRdsApi Rds { get; init; }

    public required ISecretsApi Secrets { get; init; }

    public required IAmazonDynamoDB DynamoDb { get; init; }

    public required IAmazonS3 S3 { get; init; }

    public required IRecoveryBackupApi RecoveryBackup { get; init; }

    public required IBackupApi Backup { get; init; }

    public ISqlProbe SqlProbe { get; init; } = new AdoSqlProbe();

    public TextWriter Output { get; init; } = Console.Out;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How long a probe retries a rejected login while RDS applies a one-time password. Default: the validator's (120 s).</summary>
    public TimeSpan? PasswordApplyTimeout { get; init; }

    /// <summary>Maps a restored database endpoint before connecting (identity unless a test redirects it).</summary>
    public Func<string, int, (string Host, int Port)>? DatabaseEndpointMap { get; init; }
}
