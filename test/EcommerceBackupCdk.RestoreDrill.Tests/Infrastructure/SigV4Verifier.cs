using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime.Internal.Auth;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>
/// Verifies a SigV4 Authorization header the way AWS does: rebuilds the canonical request from what
/// arrived on the wire (independently of the client's code path) and recomputes the signature with
/// AWSSDK.Core's <see cref="AWS4Signer.ComputeSignature(string, string, string, DateTime, string, string, string)"/>.
/// </summary>
public static partial class SigV4Verifier
{
    public static string? Problem(
        string method,
        string rawPath,
        string rawQuery,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        IReadOnlyDictionary<string, string> secretsByAccessKey,
        string expectedRegion,
        string expectedService)
    {
        if (!headers.TryGetValue("Authorization", out var authorization))
        {
            return "no Authorization header";
        }

        var match = AuthorizationPattern().Match(authorization);
        if (!match.Success)
        {
            return $"Authorization header is not SigV4: {authorization}";
        }

        var accessKey = match.Groups["key"].Value;
        var date = match.Groups["date"].Value;
        var region = match.Groups["region"].Value;
        var service = match.Groups["service"].Value;
        var signedHeaders = match.Groups["signed"].Value;
        var signature = match.Groups["signature"].Value;
        if (!secretsByAccessKey.TryGetValue(accessKey, out var secret))
        {
            return $"unknown access key {accessKey}";
        }

        if (region != expectedRegion || service != expectedService)
        {
            return $"credential scope {region}/{service}, expected {expectedRegion}/{expectedService}";
        }

        if (!headers.TryGetValue("X-Amz-Date", out var amzDate) || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return $"X-Amz-Date '{amzDate}' does not match the credential scope date {date}";
        }

        var signedAt = DateTime.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date"))
        {
            return $"signed headers '{signedHeaders}' must include host and x-amz-date";
        }

        if (headers.ContainsKey("X-Amz-Security-Token") && !names.Contains("x-amz-security-token"))
        {
            return "the security token is sent but not signed";
        }

        if (!names.SequenceEqual(names.OrderBy(n => n, StringComparer.Ordinal)))
        {
            return $"signed headers '{signedHeaders}' are not sorted";
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var name in names)
        {
            var value = headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
            if (value is null)
            {
                return $"signed header '{name}' was not received";
            }

            canonicalHeaders.Append(name).Append(':').Append(SpacesPattern().Replace(value.Trim(), " ")).Append('\n');
        }

        var canonicalRequest = string.Join('\n',
            method,
            CanonicalPath(rawPath),
            CanonicalQuery(rawQuery),
            canonicalHeaders.ToString(),
            signedHeaders,
            Convert.ToHexStringLower(SHA256.HashData(body)));
        var expected = AWS4Signer.ComputeSignature(accessKey, secret, region, signedAt, service, signedHeaders, canonicalRequest);
        return expected.Signature == signature ? null : "signature does not match the request";
    }

    /// <summary>Non-S3 services encode each (already encoded) path segment once more.</summary>
    private static string CanonicalPath(string rawPath) =>
        string.Join('/', (rawPath.Length == 0 ? "/" : rawPath).Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        return string.Join('&', query.Split('&')
            .Select(p => p.Split('=', 2))
            .Select(kv => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(kv[0])), Value: Uri.EscapeDataString(Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : string.Empty))))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={kv.Value}"));
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<signed>[a-z0-9;-]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    [GeneratedRegex(" +")]
    private static partial Regex SpacesPattern();
}
