using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// Signs a request with AWSSDK.Core's own <see cref="AWS4Signer"/> (canonicalisation, hashing, HMAC and
/// the signing key all come from the SDK). We only adapt our request to the SDK's <see cref="IRequest"/>.
/// </summary>
internal static class SigV4RequestSigner
{
    /// <summary>Returns the headers to send, including Authorization, X-Amz-Date, host and the payload hash.</summary>
    public static IReadOnlyDictionary<string, string> Sign(
        AwsHttpRequest request,
        Uri endpoint,
        string signingService,
        string region,
        ImmutableCredentials credentials,
        DateTime signedAtUtc)
    {
        // A query string travels in request.Path (REST-JSON GETs such as ListScanJobs); SigV4 signs it as the
        // canonical query string, not as part of the canonical URI, so it is handed to the SDK as parameters.
        var q = request.Path.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? request.Path : request.Path[..q];
        var sdkRequest = new DefaultRequest(new MinimalRequest(), signingService)
        {
            HttpMethod = request.Method.Method,
            Endpoint = endpoint,
            ResourcePath = path,
            Content = request.Body,
            AuthenticationRegion = region,
            OverrideSigningServiceName = signingService,
            // request.Path is already the path on the wire (each segment URI-encoded once, e.g. an ARN in
            // /resources/{arn}/recovery-points/). SigV4's canonical URI of a non-S3 service encodes each segment once
            // more; with the SDK's double encoding on, an already-encoded segment would be encoded twice more and the
            // signature rejected (found by the store recovery's S3 tests against SigV4Verifier). Paths without escapes
            // keep the SDK's default, which every other client here was verified with.
            UseDoubleEncoding = !path.Contains('%', StringComparison.Ordinal),
        };
        if (q >= 0)
        {
            foreach (var pair in request.Path[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
                sdkRequest.Parameters[name] = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        foreach (var (name, value) in request.Headers)
        {
            sdkRequest.Headers[name] = value;
        }

        if (request.ContentType is not null)
        {
            sdkRequest.Headers["Content-Type"] = request.ContentType;
        }

        if (credentials.UseToken)
        {
            sdkRequest.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        var config = new MinimalClientConfig(signingService, region);
        var result = new AWS4Signer().SignRequest(sdkRequest, config, null, credentials.AccessKey, credentials.SecretKey, signedAtUtc);
        sdkRequest.Headers["Authorization"] = result.ForAuthorizationHeader;
        return new Dictionary<string, string>(sdkRequest.Headers, StringComparer.OrdinalIgnoreCase);
    }

    internal static string FormatAmzDate(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
