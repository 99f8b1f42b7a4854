using Amazon.Runtime;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>An empty request object: the SDK's <c>DefaultRequest</c> wants one, the signer never reads it.</summary>
internal sealed class MinimalRequest : AmazonWebServiceRequest
{
}
