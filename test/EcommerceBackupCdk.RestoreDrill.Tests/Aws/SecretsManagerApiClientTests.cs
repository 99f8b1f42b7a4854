using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Aws;

/// <summary>SecretsManagerApiClient against moto_server; faults come from a <see cref="LocalAwsServer"/> forwarding to moto.</summary>
public sealed class SecretsManagerApiClientTests : IAsyncLifetime
{
    private LocalAwsServer _proxy = null!;

    public Task InitializeAsync()
    {
        _proxy = new LocalAwsServer(TestArns.Region, "secretsmanager", LocalAwsServer.ForwardTo(TestServices.MotoEndpoint));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Fact]
    public async Task GetSecretString_MotoSecretByArn_ReturnsTheSecretString()
    {
        var arn = await MotoApi.CreateSecretAsync(TestArns.Unique("shop/db"), """{"username":"admin","password":"p@ss"}""");

        var secret = await new SecretsManagerApiClient(FastRetries.For(_proxy.Endpoint)).GetSecretStringAsync(arn, CancellationToken.None);

        secret.Should().Be("""{"username":"admin","password":"p@ss"}""");
        var request = _proxy.Requests.Single();
        request.Headers["X-Amz-Target"].Should().Be("secretsmanager.GetSecretValue");
        request.Headers["Content-Type"].Should().Be("application/x-amz-json-1.1");
        request.SignatureProblem.Should().BeNull();
    }

    [Fact]
    public async Task GetSecretString_Unknown_ThrowsResourceNotFoundWithoutRetry()
    {
        var act = () => new SecretsManagerApiClient(FastRetries.For(_proxy.Endpoint)).GetSecretStringAsync("arn:aws:secretsmanager:eu-central-1:123456789012:secret:nope-AbCdEf", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.ErrorCode.Should().Be("ResourceNotFoundException");
        error.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task GetSecretString_ThrottledAnd500ThenOk_Retries()
    {
        var arn = await MotoApi.CreateSecretAsync(TestArns.Unique("retry"), "{}");
        _proxy.Faults.Enqueue(Fault.Throttling("ThrottlingException"));
        _proxy.Faults.Enqueue(Fault.ServerError());

        var secret = await new SecretsManagerApiClient(FastRetries.For(_proxy.Endpoint)).GetSecretStringAsync(arn, CancellationToken.None);

        secret.Should().Be("{}");
        _proxy.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task GetSecretString_AttemptTimesOut_RetriesAndSucceeds()
    {
        var arn = await MotoApi.CreateSecretAsync(TestArns.Unique("slow"), "x");
        _proxy.Faults.Enqueue(Fault.Timeout(TimeSpan.FromSeconds(5)));

        var secret = await new SecretsManagerApiClient(FastRetries.For(_proxy.Endpoint, attemptTimeoutSeconds: 0.5)).GetSecretStringAsync(arn, CancellationToken.None);

        secret.Should().Be("x");
    }

    [Fact]
    public async Task GetSecretString_MalformedBody_ThrowsWithoutQuotingThePossibleSecret()
    {
        _proxy.Faults.Enqueue(Fault.Malformed("""{"SecretString":"hunter2-password" """));

        var act = () => new SecretsManagerApiClient(FastRetries.For(_proxy.Endpoint)).GetSecretStringAsync("arn:aws:secretsmanager:eu-central-1:123456789012:secret:x", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsClientException>()).Which;
        error.Reason.Should().Be(AwsClientException.MalformedResponse);
        error.ToString().Should().NotContain("hunter2");
    }

    [Fact]
    public async Task GetSecretString_AnswerWithoutSecretString_ThrowsMalformedResponse()
    {
        _proxy.Faults.Enqueue(Fault.Malformed("""{"ARN":"arn:x","Name":"x"}"""));

        var act = () => new SecretsManagerApiClient(FastRetries.For(_proxy.Endpoint)).GetSecretStringAsync("arn:x", CancellationToken.None);

        (await act.Should().ThrowAsync<AwsClientException>()).Which.Message.Should().Contain("no SecretString");
    }
}
