namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>One AWS API request before signing.</summary>
internal sealed record AwsHttpRequest(
    string Operation,
    HttpMethod Method,
    string Path,
    byte[] Body,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers);
