using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Aws;

/// <summary>RdsApiClient against moto_server; faults come from a <see cref="LocalAwsServer"/> forwarding to moto.</summary>
public sealed class RdsApiClientTests : IAsyncLifetime
{
    private LocalAwsServer _proxy = null!;

    public Task InitializeAsync()
    {
        _proxy = new LocalAwsServer(TestArns.Region, "rds", LocalAwsServer.ForwardTo(TestServices.MotoEndpoint));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Fact]
    public async Task DescribeDbInstance_MotoInstance_ReturnsStatusEncryptionEngineAndEndpoint()
    {
        var id = TestArns.Unique("shopdb");
        var arn = await MotoApi.CreateDbInstanceAsync(id, "mysql", encrypted: true, dbName: "wordpress");

        var instance = await new RdsApiClient(MotoApi.Options()).DescribeDbInstanceAsync(id, CancellationToken.None);

        instance.DbInstanceIdentifier.Should().Be(id);
        instance.DbInstanceArn.Should().Be(arn);
        instance.Status.Should().Be("available");
        instance.StorageEncrypted.Should().BeTrue();
        instance.Engine.Should().Be("mysql");
        instance.EndpointAddress.Should().NotBeNullOrEmpty();
        instance.EndpointPort.Should().Be(3306);
        instance.DbName.Should().Be("wordpress");
    }

    [Fact]
    public async Task DescribeDbInstance_UnencryptedPostgres_ReportsNotEncrypted()
    {
        var id = TestArns.Unique("pgdb");
        await MotoApi.CreateDbInstanceAsync(id, "postgres", encrypted: false);

        var instance = await new RdsApiClient(MotoApi.Options()).DescribeDbInstanceAsync(id, CancellationToken.None);

        instance.StorageEncrypted.Should().BeFalse();
        instance.Engine.Should().Be("postgres");
        instance.EndpointPort.Should().Be(5432);
    }

    [Fact]
    public async Task DescribeDbInstance_Unknown_ThrowsDbInstanceNotFoundWithoutRetry()
    {
        var act = () => new RdsApiClient(FastRetries.For(_proxy.Endpoint)).DescribeDbInstanceAsync("does-not-exist", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.ErrorCode.Should().Be("DBInstanceNotFound");
        error.Attempts.Should().Be(1);
        _proxy.Requests.Should().ContainSingle().Which.SignatureProblem.Should().BeNull();
    }

    [Fact]
    public async Task DescribeDbCluster_MotoAuroraCluster_ReturnsMembersAndEndpoint()
    {
        var clusterId = TestArns.Unique("aurora");
        var arn = await MotoApi.CreateDbClusterAsync(clusterId, "aurora-postgresql", encrypted: true);
        await MotoApi.CreateDbInstanceAsync(clusterId + "-1", "aurora-postgresql", encrypted: true, clusterId: clusterId);

        var cluster = await new RdsApiClient(MotoApi.Options()).DescribeDbClusterAsync(clusterId, CancellationToken.None);

        cluster.DbClusterArn.Should().Be(arn);
        cluster.Status.Should().Be("available");
        cluster.StorageEncrypted.Should().BeTrue();
        cluster.Engine.Should().Be("aurora-postgresql");
        cluster.Endpoint.Should().NotBeNullOrEmpty();
        cluster.DatabaseName.Should().Be("shop");
        cluster.MemberInstanceIdentifiers.Should().Equal(clusterId + "-1");
    }

    [Fact]
    public async Task DescribeDbCluster_Unknown_ThrowsDbClusterNotFound()
    {
        var act = () => new RdsApiClient(MotoApi.Options()).DescribeDbClusterAsync("no-such-cluster", CancellationToken.None);

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.ErrorCode.Should().Be("DBClusterNotFoundFault");
    }

    [Fact]
    public async Task DescribeDbInstance_ThrottledAndServerErrorThenOk_RetriesThroughToMoto()
    {
        var id = TestArns.Unique("retrydb");
        await MotoApi.CreateDbInstanceAsync(id, "mysql", encrypted: true);
        _proxy.Faults.Enqueue(Fault.QueryThrottling());
        _proxy.Faults.Enqueue(Fault.ServerError(503));

        var instance = await new RdsApiClient(FastRetries.For(_proxy.Endpoint)).DescribeDbInstanceAsync(id, CancellationToken.None);

        instance.Engine.Should().Be("mysql");
        _proxy.Requests.Should().HaveCount(3).And.OnlyContain(r => r.SignatureProblem == null);
        _proxy.Requests[0].BodyText.Should().Contain("Action=DescribeDBInstances").And.Contain("Version=2014-10-31");
    }

    [Fact]
    public async Task DescribeDbInstance_ThrottledOnEveryAttempt_ThrowsThrottlingAfterAllAttempts()
    {
        for (var i = 0; i < 3; i++)
        {
            _proxy.Faults.Enqueue(Fault.QueryThrottling());
        }

        var act = () => new RdsApiClient(FastRetries.For(_proxy.Endpoint, maxAttempts: 3)).DescribeDbInstanceAsync("any", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.ErrorCode.Should().Be("Throttling");
        error.Attempts.Should().Be(3);
    }

    [Fact]
    public async Task DescribeDbInstance_AttemptTimesOut_RetriesAndSucceeds()
    {
        var id = TestArns.Unique("slowdb");
        await MotoApi.CreateDbInstanceAsync(id, "postgres", encrypted: true);
        _proxy.Faults.Enqueue(Fault.Timeout(TimeSpan.FromSeconds(5)));

        var instance = await new RdsApiClient(FastRetries.For(_proxy.Endpoint, attemptTimeoutSeconds: 0.5)).DescribeDbInstanceAsync(id, CancellationToken.None);

        instance.DbInstanceIdentifier.Should().Be(id);
    }

    [Theory]
    [InlineData("<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances>")]
    [InlineData("<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances/></DescribeDBInstancesResult></DescribeDBInstancesResponse>")]
    public async Task DescribeDbInstance_MalformedXml_ThrowsMalformedResponse(string body)
    {
        _proxy.Faults.Enqueue(new Fault(200, body, "text/xml", TimeSpan.Zero, false));

        var act = () => new RdsApiClient(FastRetries.For(_proxy.Endpoint)).DescribeDbInstanceAsync("any", CancellationToken.None);

        (await act.Should().ThrowAsync<AwsClientException>()).Which.Reason.Should().Be(AwsClientException.MalformedResponse);
    }
}
