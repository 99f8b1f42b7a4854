namespace EcommerceBackupCdk.Validation;

/// <summary>Thrown when props or config are invalid. The message lists every problem, one per line.</summary>
public sealed class BackupConfigurationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public BackupConfigurationException(string subject, IReadOnlyList<string> problems)
        : base($"{subject} is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  - " + string.Join("\n  - ", problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a single message.</summary>
    public BackupConfigurationException()
        : this("configuration", [])
    {
    }

    /// <summary>Creates the exception with a single message.</summary>
    public BackupConfigurationException(string message)
        : this("configuration", [message])
    {
    }

    /// <summary>Creates the exception with a single message and an inner exception.</summary>
    public BackupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Each problem as <c>key: what is wrong (got X, allowed Y)</c>.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
