namespace EcommerceBackupCdk.RestoreDrill.Metrics;

/// <summary>
/// Units of the validator's Embedded Metric Format metrics; the metric names, namespace and dimensions the construct's
/// alarms read are in <see cref="DrillMetricNames"/> (the shared contract).
/// </summary>
public static class DrillMetrics
{
    /// <summary>Unit string for every duration metric.</summary>
    public const string SecondsUnit = "Seconds";

    /// <summary>Unit string for Success and DataValidated.</summary>
    public const string CountUnit = "Count";
}
