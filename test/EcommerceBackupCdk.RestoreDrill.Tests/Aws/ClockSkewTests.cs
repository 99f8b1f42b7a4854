using Amazon;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Aws;

/// <summary>
/// Signing uses AWSSDK.Core's clock-skew-corrected time. AWSConfigs.ManualClockCorrection is process-wide, so these
/// tests run alone (their own collection, not in parallel with any other).
/// </summary>
[Collection(ClockSkewCollection.Name)]
public sealed class ClockSkewTests : IAsyncLifetime
{
    private static readonly TimeSpan ServerAhead = TimeSpan.FromMinutes(40);
    private readonly FakeBackupService _backup = new();
    private LocalAwsServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new LocalAwsServer(TestArns.Region, "backup", _backup.Handle) { ServerClockOffset = ServerAhead };
        var now = DateTimeOffset.UtcNow;
        _backup.AddJob(FakeBackupService.CompletedJob("JOB-1", "DynamoDB", "arn:aws:dynamodb:eu-central-1:123456789012:table/orders-restored", now.AddHours(-1), now.AddMinutes(-30), now));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        AWSConfigs.ManualClockCorrection = null;
        await _server.DisposeAsync();
    }

    private BackupApiClient Client() => new(FastRetries.For(_server.Endpoint, 1, 2, 10));

    [Fact]
    public async Task DescribeRestoreJob_ServerClock40MinutesAhead_UncorrectedSignatureIsRejected()
    {
        AWSConfigs.ManualClockCorrection = null;

        var act = () => Client().DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.ErrorCode.Should().Be("InvalidSignatureException");
    }

    [Fact]
    public async Task DescribeRestoreJob_SdkClockCorrectionSet_SignsWithTheCorrectedTimeAndIsAccepted()
    {
        AWSConfigs.ManualClockCorrection = ServerAhead;

        var job = await Client().DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        job.Status.Should().Be("COMPLETED");
        var request = _server.Requests.Should().ContainSingle().Subject;
        request.SignatureProblem.Should().BeNull();
        var signedAt = DateTime.ParseExact(request.Headers["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        (signedAt - DateTime.UtcNow).Should().BeCloseTo(ServerAhead, TimeSpan.FromMinutes(1));
    }
}

/// <summary>Runs the clock-skew tests apart from every other test (they change a process-wide SDK setting).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClockSkewCollection
{
    public const string Name = "SDK clock correction";
}
