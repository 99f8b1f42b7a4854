using EcommerceBackupCdk.RestoreDrill.Aws;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>Client options for fault tests: local credentials and short backoff so retries are quick.</summary>
public static class FastRetries
{
    public static AwsClientOptions For(Uri endpoint, int maxAttempts = 4, double attemptTimeoutSeconds = 2, double deadlineSeconds = 20) => new()
    {
        Region = TestArns.Region,
        Endpoint = endpoint,
        Credentials = _ => Task.FromResult(LocalAwsServer.Credentials),
        MaxAttempts = maxAttempts,
        AttemptTimeout = TimeSpan.FromSeconds(attemptTimeoutSeconds),
        OverallDeadline = TimeSpan.FromSeconds(deadlineSeconds),
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
    };
}
