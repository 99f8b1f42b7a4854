namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>
/// Values of <c>ValidationStatus</c> in the AWS Backup API. <c>PutRestoreValidationResult</c> accepts
/// FAILED | SUCCESSFUL | TIMED_OUT | VALIDATING; there is no SKIPPED.
/// </summary>
public static class RestoreValidationStatus
{
    public const string Successful = "SUCCESSFUL";
    public const string Failed = "FAILED";
    public const string TimedOut = "TIMED_OUT";
    public const string Validating = "VALIDATING";

    /// <summary>A status that ends validation: once set, the validator never sends another.</summary>
    public static bool IsFinal(string? status) => status is Successful or Failed or TimedOut;
}
