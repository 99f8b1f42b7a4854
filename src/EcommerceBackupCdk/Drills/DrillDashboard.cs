using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// The dashboard widgets of <see cref="RestoreDrill"/>: restore duration against the RTO, recovery point age and data
/// freshness against the RPO, drill success, and the drill alarms.
/// </summary>
internal static class DrillDashboard
{
    public static IWidget[] Widgets(RestoreDrillProps props, TierName judgingTier, IReadOnlyList<IAlarm> alarms)
    {
        var store = props.StoreName;
        var options = props.Options;
        var types = DrillResourceTypes.All.Where(options.ResourceTypes.Contains).ToList();
        var day = Duration.Days(1);
        var targets = props.Targets[judgingTier];
        var tierText = judgingTier.TagValue();
        Metric Metric(string name, DrillResourceType type, string statistic) => DrillMetrics.For(store, name, type, statistic, day);
        return
        [
            new GraphWidget(new GraphWidgetProps
            {
                Title = $"Restore drills: restore duration vs {tierText} RTO",
                Width = 12,
                Left = types.Select(t => (IMetric)Metric(DrillValidatorContract.RestoreDurationSeconds, t, Stats.MAXIMUM)).ToArray(),
                LeftAnnotations = [new HorizontalAnnotation { Value = targets.Rto.TotalSeconds, Label = $"{tierText} RTO {DurationText.Format(targets.Rto)}", Color = Color.RED }],
                LeftYAxis = new YAxisProps { Label = "seconds", ShowUnits = false, Min = 0 },
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = $"Restore drills: data freshness (measured RPO) and recovery point age vs {tierText} targets",
                Width = 12,
                Left = types.Select(t => (IMetric)Metric(DrillValidatorContract.DataFreshnessSeconds, t, Stats.MAXIMUM)).ToArray(),
                Right = types.Select(t => (IMetric)Metric(DrillValidatorContract.RecoveryPointAgeSeconds, t, Stats.MAXIMUM)).ToArray(),
                LeftAnnotations = [new HorizontalAnnotation { Value = (options.MaxDataFreshness ?? targets.Rpo).TotalSeconds, Label = $"{tierText} RPO {DurationText.Format(targets.Rpo)}", Color = Color.RED }],
                RightAnnotations = [new HorizontalAnnotation { Value = RestoreDrill.RecoveryPointAgeLimit(targets).TotalSeconds, Label = $"recovery point age limit {DurationText.Format(RestoreDrill.RecoveryPointAgeLimit(targets))}", Color = Color.ORANGE }],
                LeftYAxis = new YAxisProps { Label = "freshness, seconds", ShowUnits = false, Min = 0 },
                RightYAxis = new YAxisProps { Label = "recovery point age, seconds", ShowUnits = false, Min = 0 },
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Restore drills: success (1) / failure (0)",
                Width = 12,
                Left = types.Select(t => (IMetric)Metric(DrillValidatorContract.Success, t, Stats.MINIMUM)).ToArray(),
                LeftYAxis = new YAxisProps { Min = 0, Max = 1, ShowUnits = false },
            }),
            new AlarmStatusWidget(new AlarmStatusWidgetProps
            {
                Title = "Restore drill alarms",
                Width = 12,
                Alarms = [.. alarms],
            }),
        ];
    }
}
