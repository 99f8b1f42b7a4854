namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>A successful (2xx) AWS answer.</summary>
internal sealed record AwsHttpResponse(int StatusCode, string Body, string? RequestId, int Attempts);
