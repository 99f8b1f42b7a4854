namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>
/// A failure that says nothing about the restored data (AWS throttling, 5xx, timeouts, malformed answers after the
/// client's own retries). The drill flow retries the step on this error name instead of recording a FAILED verdict.
/// </summary>
public sealed class TransientDrillException : Exception
{
    public TransientDrillException()
    {
    }

    public TransientDrillException(string message)
        : base(message)
    {
    }

    public TransientDrillException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
