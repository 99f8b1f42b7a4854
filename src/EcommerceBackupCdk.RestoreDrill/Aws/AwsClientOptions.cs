using Amazon.Runtime;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// Settings shared by the minimal AWS clients (<see cref="BackupApiClient"/>, <see cref="RdsApiClient"/>,
/// <see cref="SecretsManagerApiClient"/>). Defaults are the values below.
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>AWS region used for the default endpoint and the SigV4 credential scope.</summary>
    public required string Region { get; init; }

    /// <summary>Endpoint override (tests, VPC endpoints). Default: https://{service}.{region}.amazonaws.com.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>
    /// Credentials source. Default: AWSSDK.Core's default chain
    /// (<c>DefaultAWSCredentialsIdentityResolver</c>: environment, profile, container, instance metadata).
    /// </summary>
    public Func<CancellationToken, Task<ImmutableCredentials>>? Credentials { get; init; }

    /// <summary>Attempts per operation including the first one. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Timeout of one HTTP attempt (send and read body). Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Deadline for one operation across all attempts and backoff sleeps. Default 60 s.</summary>
    public TimeSpan OverallDeadline { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Base of the exponential backoff (full jitter). Default 100 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Cap of one backoff sleep. Default 5 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);
}
