namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>The input is not an AWS Backup "Restore Job State Change" event the validator can use.</summary>
public sealed class MalformedEventException : Exception
{
    public MalformedEventException()
    {
    }

    public MalformedEventException(string message)
        : base(message)
    {
    }

    public MalformedEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
