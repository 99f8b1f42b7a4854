using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// The smallest <see cref="ClientConfig"/> the SDK's SigV4 signer accepts: it only reads the signing
/// service and region from it. Endpoint resolution is ours, so <see cref="DetermineServiceOperationEndpoint"/> is unused.
/// </summary>
internal sealed class MinimalClientConfig : ClientConfig
{
    private static readonly IDefaultConfiguration[] Defaults =
    [
        new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard },
    ];

    private readonly string _service;

    public MinimalClientConfig(string service, string region)
        : base(new DefaultConfigurationProvider(Defaults))
    {
        _service = service;
        AuthenticationServiceName = service;
        AuthenticationRegion = region;
    }

    public override string ServiceVersion => "minimal";

    public override string UserAgent => "EcommerceBackupCdk.RestoreDrill";

    public override string RegionEndpointServiceName => _service;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        throw new NotSupportedException("Endpoints are resolved by AwsRequestSender.");
}
