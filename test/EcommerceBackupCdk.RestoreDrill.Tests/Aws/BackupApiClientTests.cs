using System.Text;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Aws;

public sealed class BackupApiClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset RecoveryPoint = new(2026, 11, 20, 17, 55, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Created = new(2026, 11, 20, 18, 0, 1, 742, TimeSpan.Zero);
    private static readonly DateTimeOffset Completed = new(2026, 11, 20, 18, 14, 53, 128, TimeSpan.Zero);

    private readonly FakeBackupService _backup = new();
    private LocalAwsServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new LocalAwsServer(TestArns.Region, "backup", _backup.Handle);
        _backup.AddJob(FakeBackupService.CompletedJob("JOB-1", "DynamoDB", "arn:aws:dynamodb:eu-central-1:123456789012:table/orders-restored", RecoveryPoint, Created, Completed));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private BackupApiClient Client(int attempts = 4, double attemptTimeout = 2, double deadline = 20) =>
        new(FastRetries.For(_server.Endpoint, attempts, attemptTimeout, deadline));

    [Fact]
    public async Task DescribeRestoreJob_ExistingJob_ParsesEpochTimestampsAndCreator()
    {
        var job = await Client().DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        job.Status.Should().Be("COMPLETED");
        job.ResourceType.Should().Be("DynamoDB");
        job.CreatedResourceArn.Should().Be("arn:aws:dynamodb:eu-central-1:123456789012:table/orders-restored");
        job.CreationDate.Should().Be(Created);
        job.CompletionDate.Should().Be(Completed);
        job.RecoveryPointCreationDate.Should().Be(RecoveryPoint);
        job.RestoreTestingPlanArn.Should().Be(TestArns.PlanArn);
        job.BackupSizeInBytes.Should().Be(1024);
        job.ValidationStatus.Should().BeNull();
    }

    [Fact]
    public async Task DescribeRestoreJob_AnyRequest_CarriesSigV4ThatTheServerRecomputes()
    {
        await Client().DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        var request = _server.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/restore-jobs/JOB-1");
        request.SignatureProblem.Should().BeNull();
        request.Headers["Authorization"].Should().StartWith($"AWS4-HMAC-SHA256 Credential={LocalAwsServer.AccessKey}/")
            .And.Contain($"/{TestArns.Region}/backup/aws4_request")
            .And.Contain("SignedHeaders=").And.Contain("host").And.Contain("x-amz-date");
    }

    [Fact]
    public async Task DescribeRestoreJob_SessionCredentials_SendAndSignTheToken()
    {
        var options = FastRetries.For(_server.Endpoint) with
        {
            Credentials = _ => Task.FromResult(new Amazon.Runtime.ImmutableCredentials(LocalAwsServer.AccessKey, LocalAwsServer.SecretKey, "session-token-xyz")),
        };

        await new BackupApiClient(options).DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        var request = _server.Requests.Single();
        request.Headers["X-Amz-Security-Token"].Should().Be("session-token-xyz");
        request.Headers["Authorization"].Should().Contain("x-amz-security-token");
        request.SignatureProblem.Should().BeNull();
    }

    [Fact]
    public async Task DescribeRestoreJob_WrongSecretKey_IsRejectedWithInvalidSignatureWithoutRetry()
    {
        var options = FastRetries.For(_server.Endpoint) with
        {
            Credentials = _ => Task.FromResult(new Amazon.Runtime.ImmutableCredentials(LocalAwsServer.AccessKey, "not-the-secret", null)),
        };

        var act = () => new BackupApiClient(options).DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.ErrorCode.Should().Be("InvalidSignatureException");
        error.StatusCode.Should().Be(403);
        error.Attempts.Should().Be(1);
        _server.Requests.Single().SignatureProblem.Should().Be("signature does not match the request");
    }

    [Fact]
    public void SigV4Verifier_TamperedBodyOrPath_DetectsTheChange()
    {
        var body = Encoding.UTF8.GetBytes("""{"ValidationStatus":"SUCCESSFUL"}""");
        var request = new AwsHttpRequest("PutRestoreValidationResult", HttpMethod.Put, "/restore-jobs/JOB-1/validations", body, "application/json", new Dictionary<string, string>());
        var endpoint = new Uri("http://127.0.0.1:4567/");
        var headers = SigV4RequestSigner.Sign(request, endpoint, "backup", TestArns.Region, LocalAwsServer.Credentials, DateTime.UtcNow);
        var secrets = new Dictionary<string, string> { [LocalAwsServer.AccessKey] = LocalAwsServer.SecretKey };
        string? Verify(string path, byte[] payload) => SigV4Verifier.Problem("PUT", path, string.Empty, headers, payload, secrets, TestArns.Region, "backup");

        Verify("/restore-jobs/JOB-1/validations", body).Should().BeNull();
        Verify("/restore-jobs/JOB-1/validations", Encoding.UTF8.GetBytes("""{"ValidationStatus":"FAILED"}""")).Should().Be("signature does not match the request");
        Verify("/restore-jobs/JOB-2/validations", body).Should().Be("signature does not match the request");
    }

    [Theory]
    [InlineData("ThrottlingException", 400)]
    [InlineData("Throttling", 400)]
    [InlineData("TooManyRequestsException", 429)]
    public async Task DescribeRestoreJob_ThrottledTwice_RetriesAndSucceeds(string code, int status)
    {
        _server.Faults.Enqueue(Fault.Throttling(code, status));
        _server.Faults.Enqueue(Fault.Throttling(code, status));

        var job = await Client().DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        job.RestoreJobId.Should().Be("JOB-1");
        _server.Requests.Should().HaveCount(3).And.OnlyContain(r => r.SignatureProblem == null);
    }

    [Fact]
    public async Task DescribeRestoreJob_ServerErrorsOnEveryAttempt_ThrowsWithAwsCodeAfterAllAttempts()
    {
        for (var i = 0; i < 4; i++)
        {
            _server.Faults.Enqueue(Fault.ServerError(i % 2 == 0 ? 500 : 503));
        }

        var act = () => Client(attempts: 4).DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.ErrorCode.Should().Be("ServiceUnavailableException");
        error.Attempts.Should().Be(4);
        error.Message.Should().Contain("Backup.DescribeRestoreJob").And.Contain("Internal failure");
        _server.Requests.Should().HaveCount(4);
    }

    [Fact]
    public async Task DescribeRestoreJob_FirstAttemptHangs_TimesOutAndRetries()
    {
        _server.Faults.Enqueue(Fault.Timeout(TimeSpan.FromSeconds(5)));

        var job = await Client(attemptTimeout: 0.5).DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        job.Status.Should().Be("COMPLETED");
        _server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task DescribeRestoreJob_HangsPastTheDeadline_ThrowsDeadlineExceeded()
    {
        for (var i = 0; i < 10; i++)
        {
            _server.Faults.Enqueue(Fault.Timeout(TimeSpan.FromSeconds(10)));
        }

        var act = () => Client(attempts: 10, attemptTimeout: 0.4, deadline: 1).DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsClientException>()).Which;
        error.Reason.Should().Be(AwsClientException.DeadlineExceeded);
        error.Message.Should().Contain("RequestTimeout");
    }

    [Fact]
    public async Task DescribeRestoreJob_MalformedBody_ThrowsMalformedResponseQuotingTheBody()
    {
        _server.Faults.Enqueue(Fault.Malformed());

        var act = () => Client().DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsClientException>()).Which;
        error.Reason.Should().Be(AwsClientException.MalformedResponse);
        error.Message.Should().Contain("\"Status\": ");
    }

    [Fact]
    public async Task DescribeRestoreJob_BodyWithoutStatus_ThrowsMalformedResponse()
    {
        _server.Faults.Enqueue(Fault.Malformed("""{"RestoreJobId":"JOB-1"}"""));

        var act = () => Client().DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        (await act.Should().ThrowAsync<AwsClientException>()).Which.Message.Should().Contain("Status is missing");
    }

    [Fact]
    public async Task DescribeRestoreJob_UnknownJob_ThrowsResourceNotFoundOnFirstAttempt()
    {
        var act = () => Client().DescribeRestoreJobAsync("NOPE", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.ErrorCode.Should().Be("ResourceNotFoundException");
        error.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task DescribeRestoreJob_NothingListens_ThrowsTransportErrorAfterRetries()
    {
        var port = new Uri(_server.Endpoint.ToString()).Port;
        await _server.DisposeAsync();
        _server = new LocalAwsServer(TestArns.Region, "backup", _backup.Handle);

        var act = () => new BackupApiClient(FastRetries.For(new Uri($"http://127.0.0.1:{port}/"), maxAttempts: 3)).DescribeRestoreJobAsync("JOB-1", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsClientException>()).Which;
        error.Reason.Should().Be(AwsClientException.TransportError);
        error.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task DescribeRestoreJob_IdWithPathCharacters_IsRefusedBeforeSending()
    {
        var act = () => Client().DescribeRestoreJobAsync("../restore-jobs", CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*not a restore job id*");
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task PutRestoreValidationResult_Status_IsSentAsSignedRestJsonPut()
    {
        await Client().PutRestoreValidationResultAsync("JOB-1", RestoreValidationStatus.Successful, "OK: 3 checks passed", CancellationToken.None);

        var request = _server.Requests.Single();
        request.Method.Should().Be("PUT");
        request.Path.Should().Be("/restore-jobs/JOB-1/validations");
        request.Headers["Content-Type"].Should().StartWith("application/json");
        request.SignatureProblem.Should().BeNull();
        _backup.Validations.Should().Equal(("JOB-1", "SUCCESSFUL", "OK: 3 checks passed"));
    }

    [Fact]
    public async Task PutRestoreValidationResult_ThrottledThenOk_RecordsExactlyOnce()
    {
        _server.Faults.Enqueue(Fault.Throttling());

        await Client().PutRestoreValidationResultAsync("JOB-1", RestoreValidationStatus.Failed, "FAILED 1 check(s)", CancellationToken.None);

        _backup.Validations.Should().ContainSingle();
    }

    [Fact]
    public async Task PutRestoreValidationResult_InvalidStatus_ThrowsInvalidParameterValue()
    {
        var act = () => Client().PutRestoreValidationResultAsync("JOB-1", "SKIPPED", "x", CancellationToken.None);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.ErrorCode.Should().Be("InvalidParameterValueException");
    }
}
