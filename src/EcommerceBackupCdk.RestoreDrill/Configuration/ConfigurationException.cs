namespace EcommerceBackupCdk.RestoreDrill.Configuration;

/// <summary>The environment is invalid. The message lists every problem as "NAME: what is wrong (got X, allowed Y)".</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(IReadOnlyList<string> problems)
        : base("Restore drill validator configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
    {
        Problems = problems;
    }

    public ConfigurationException()
        : this(Array.Empty<string>())
    {
    }

    public ConfigurationException(string message)
        : this([message])
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
