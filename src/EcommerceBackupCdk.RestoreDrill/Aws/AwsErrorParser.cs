using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>Reads the error code and message of a non-2xx AWS answer for each protocol.</summary>
internal static class AwsErrorParser
{
    public static (string Code, string Message) Parse(AwsProtocol protocol, int statusCode, string body, string? errorTypeHeader)
    {
        string? code = null;
        string? message = null;
        try
        {
            if (protocol == AwsProtocol.Query)
            {
                if (body.TrimStart().StartsWith('<'))
                {
                    var doc = XDocument.Parse(body);
                    var error = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                    code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
                    message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
                }
            }
            else if (body.TrimStart().StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                code = ReadString(root, "__type") ?? ReadString(root, "code") ?? ReadString(root, "Code");
                message = ReadString(root, "message") ?? ReadString(root, "Message") ?? ReadString(root, "errorMessage");
            }
        }
        catch (Exception e) when (e is JsonException or XmlException)
        {
            message = $"unparseable error body: {Truncate(body)}";
        }

        code ??= errorTypeHeader;
        code = Normalize(code) ?? $"Http{statusCode}";
        message ??= string.IsNullOrWhiteSpace(body) ? "(empty body)" : Truncate(body);
        return (code, message);
    }

    /// <summary>Throttling codes across AWS services; these are retried like 429 and 5xx.</summary>
    public static bool IsThrottling(string code) => code is
        "Throttling" or "ThrottlingException" or "ThrottledException" or "TooManyRequestsException"
        or "RequestLimitExceeded" or "RequestThrottled" or "RequestThrottledException"
        or "ProvisionedThroughputExceededException" or "SlowDown" or "PriorRequestNotComplete"
        or "EC2ThrottledException" or "BandwidthLimitExceeded" or "TransactionInProgressException";

    /// <summary>Drops the "namespace#" prefix and the ":http://..." suffix of JSON error types.</summary>
    private static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        return code.Trim();
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    internal static string Truncate(string text, int max = 300) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "...");
}
