namespace EcommerceBackupCdk.RestoreDrill.Reports;

/// <summary>Where drill reports go.</summary>
public interface IDrillReportStore
{
    /// <summary>Stores the report and returns its key.</summary>
    Task<string> WriteAsync(DrillReport report, CancellationToken cancellationToken);
}
