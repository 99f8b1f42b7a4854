namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>An AWS service answered with an error that is not retryable, or stayed in error past the last attempt.</summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string service, string operation, int statusCode, string errorCode, string awsMessage, string? requestId, int attempts)
        : base($"{service}.{operation} failed: {errorCode}: {awsMessage} (HTTP {statusCode}, request id {requestId ?? "n/a"}, {attempts} attempt(s))")
    {
        Service = service;
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        AwsMessage = awsMessage;
        RequestId = requestId;
        Attempts = attempts;
    }

    public AwsServiceException()
        : this("unknown", "unknown", 0, "Unknown", string.Empty, null, 0)
    {
    }

    public AwsServiceException(string message)
        : this("unknown", "unknown", 0, "Unknown", message, null, 0)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Service = "unknown";
        Operation = "unknown";
        ErrorCode = "Unknown";
        AwsMessage = message;
    }

    public string Service { get; }

    public string Operation { get; }

    public int StatusCode { get; }

    /// <summary>The AWS error code, e.g. <c>ResourceNotFoundException</c>, <c>DBInstanceNotFound</c>.</summary>
    public string ErrorCode { get; }

    public string AwsMessage { get; }

    public string? RequestId { get; }

    public int Attempts { get; }
}
