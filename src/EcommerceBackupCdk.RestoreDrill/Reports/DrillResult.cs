namespace EcommerceBackupCdk.RestoreDrill.Reports;

/// <summary>Overall result of a drill as written in <see cref="DrillReport.Result"/>.</summary>
public static class DrillResult
{
    /// <summary>Every check passed and the data was examined.</summary>
    public const string Succeeded = "SUCCEEDED";

    /// <summary>At least one check failed, or the restore job itself failed or was aborted.</summary>
    public const string Failed = "FAILED";

    /// <summary>The restore completed and its state checks passed, but this resource type has no data-level check (EBS, EFS, ...).</summary>
    public const string NotValidated = "NOT_VALIDATED";
}
