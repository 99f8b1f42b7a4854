namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// A call to AWS did not produce a usable answer: transport failure, attempt timeout, overall deadline,
/// or a response body that does not follow the protocol. <see cref="Reason"/> says which.
/// </summary>
public sealed class AwsClientException : Exception
{
    public const string TransportError = "TransportError";
    public const string RequestTimeout = "RequestTimeout";
    public const string DeadlineExceeded = "DeadlineExceeded";
    public const string MalformedResponse = "MalformedResponse";

    public AwsClientException(string service, string operation, string reason, string detail, int attempts, Exception? inner = null)
        : base($"{service}.{operation} failed: {reason}: {detail} ({attempts} attempt(s))", inner)
    {
        Service = service;
        Operation = operation;
        Reason = reason;
        Attempts = attempts;
    }

    public AwsClientException()
        : this("unknown", "unknown", TransportError, string.Empty, 0)
    {
    }

    public AwsClientException(string message)
        : this("unknown", "unknown", TransportError, message, 0)
    {
    }

    public AwsClientException(string message, Exception innerException)
        : this("unknown", "unknown", TransportError, message, 0, innerException)
    {
    }

    public string Service { get; }

    public string Operation { get; }

    /// <summary>One of the constants of this class.</summary>
    public string Reason { get; }

    public int Attempts { get; }
}
