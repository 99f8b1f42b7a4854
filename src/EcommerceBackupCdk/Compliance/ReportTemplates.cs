namespace EcommerceBackupCdk.Compliance;

/// <summary>AWS Backup Audit Manager report templates (ReportSetting.ReportTemplate).</summary>
public static class ReportTemplates
{
    /// <summary>Backup jobs of the last 24 hours and active jobs.</summary>
    public const string BackupJobs = "BACKUP_JOB_REPORT";

    /// <summary>Copy jobs of the last 24 hours and active jobs.</summary>
    public const string CopyJobs = "COPY_JOB_REPORT";

    /// <summary>Restore jobs of the last 24 hours and active jobs.</summary>
    public const string RestoreJobs = "RESTORE_JOB_REPORT";

    /// <summary>Compliance status of each control of the frameworks.</summary>
    public const string ControlCompliance = "CONTROL_COMPLIANCE_REPORT";

    /// <summary>Compliance status of each resource against each control of the frameworks.</summary>
    public const string ResourceCompliance = "RESOURCE_COMPLIANCE_REPORT";

    /// <summary>The templates that need framework ARNs.</summary>
    public static IReadOnlyList<string> Compliance { get; } = [ControlCompliance, ResourceCompliance];
}
