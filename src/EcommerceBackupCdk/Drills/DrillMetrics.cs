using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;

namespace EcommerceBackupCdk.Drills;

/// <summary>The validator's metrics (namespace, dimensions <c>Store</c> and <c>ResourceType</c>) for the drill alarms and dashboard.</summary>
internal static class DrillMetrics
{
    // Graph metrics carry the type as label; alarm metrics do not, so the alarm stays a plain single-metric alarm.
    public static Metric For(string store, string name, DrillResourceType type, string statistic, Duration period, bool labelled = true) => new(new MetricProps
    {
        Namespace = DrillValidatorContract.MetricNamespace,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string>
        {
            [DrillValidatorContract.StoreDimension] = store,
            [DrillValidatorContract.ResourceTypeDimension] = type.ProtectedResourceType(),
        },
        Statistic = statistic,
        Period = period,
        Label = labelled ? type.ProtectedResourceType() : null,
    });
}
