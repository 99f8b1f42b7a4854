namespace EcommerceBackupCdk.RestoreDrill.Handlers;

/// <summary>What the handler returns for one event (also logged).</summary>
public sealed record DrillOutcome
{
    /// <summary>SUCCEEDED | FAILED | NOT_VALIDATED | IGNORED | ALREADY_VALIDATED | REJECTED.</summary>
    public required string Outcome { get; init; }

    public string? RestoreJobId { get; init; }

    /// <summary>The ValidationStatus sent to AWS Backup, or null when none was sent.</summary>
    public string? ValidationStatus { get; init; }

    public required string Message { get; init; }

    public string? ReportKey { get; init; }

    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";
    public const string NotValidated = "NOT_VALIDATED";
    public const string Ignored = "IGNORED";
    public const string AlreadyValidated = "ALREADY_VALIDATED";
    public const string Rejected = "REJECTED";
}
