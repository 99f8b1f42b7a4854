using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using Constructs;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// The alarms of <see cref="RestoreDrill"/> on the validator's metrics: per drilled resource type drill failed, RTO
/// breached and recovery point too old; then no drill report and dead letters. They live under the drill's
/// <c>Alarms</c> scope (construct ids <c>&lt;type&gt;Failed</c>, <c>&lt;type&gt;RtoBreached</c>,
/// <c>&lt;type&gt;RecoveryPointTooOld</c>, <c>NoDrillReport</c>, <c>DeadLetters</c>), are named by
/// <see cref="PhysicalNames.DrillAlarm"/> and join the monitoring when there is one
/// (<see cref="BackupMonitoring.AddAlarm(Alarm, string)"/>: routed by their kind's severity, listed with every alarm).
/// </summary>
internal static class DrillAlarms
{
    public static List<IAlarm> Create(Construct drill, RestoreDrillProps props, TierName judgingTier, IQueue deadLetterQueue)
    {
        var store = props.StoreName;
        var options = props.Options;
        var names = new PhysicalNames(store);
        var alarms = new List<IAlarm>();
        var scope = new Construct(drill, "Alarms");
        var targets = props.Targets[judgingTier];
        var tierText = judgingTier.TagValue();
        var hour = Duration.Hours(1);
        var types = DrillResourceTypes.All.Where(options.ResourceTypes.Contains).ToList();
        foreach (var type in types)
        {
            var name = type.ProtectedResourceType();
            Add(AlarmKinds.DrillFailed, new Alarm(scope, $"{type}Failed", new AlarmProps
            {
                AlarmName = names.DrillAlarm(AlarmKinds.DrillFailed, type),
                AlarmDescription = $"A {name} restore drill of {store} failed: the restore did not complete or the restored data did not pass the validator. The drill report in the drill report bucket and the restore job's validation message say why.",
                Metric = DrillMetrics.For(store, DrillValidatorContract.Success, type, Stats.MINIMUM, hour, labelled: false),
                ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
                Threshold = 1,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }));
            Add(AlarmKinds.DrillRtoBreached, new Alarm(scope, $"{type}RtoBreached", new AlarmProps
            {
                AlarmName = names.DrillAlarm(AlarmKinds.DrillRtoBreached, type),
                AlarmDescription = $"A {name} restore of {store} took longer than the {tierText} RTO of {DurationText.Format(targets.Rto)}.",
                Metric = DrillMetrics.For(store, DrillValidatorContract.RestoreDurationSeconds, type, Stats.MAXIMUM, hour, labelled: false),
                ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
                Threshold = targets.Rto.TotalSeconds,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }));
            var ageLimit = RestoreDrill.RecoveryPointAgeLimit(targets);
            Add(AlarmKinds.DrillRecoveryPointTooOld, new Alarm(scope, $"{type}RecoveryPointTooOld", new AlarmProps
            {
                AlarmName = names.DrillAlarm(AlarmKinds.DrillRecoveryPointTooOld, type),
                AlarmDescription = $"The newest {name} recovery point a drill of {store} found was older than {DurationText.Format(ageLimit)}: backups of the {tierText} tier (RPO {DurationText.Format(targets.Rpo)}) are not running as scheduled.",
                Metric = DrillMetrics.For(store, DrillValidatorContract.RecoveryPointAgeSeconds, type, Stats.MAXIMUM, hour, labelled: false),
                ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
                Threshold = ageLimit.TotalSeconds,
                EvaluationPeriods = 1,
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            }));
        }

        var periods = RestoreDrill.NoReportEvaluationDays(options.Schedule);
        var usingMetrics = new Dictionary<string, IMetric>();
        for (var i = 0; i < types.Count; i++)
        {
            usingMetrics[$"m{i}"] = DrillMetrics.For(store, DrillValidatorContract.Success, types[i], Stats.SAMPLE_COUNT, Duration.Days(1), labelled: false);
        }

        Add(AlarmKinds.DrillNoReport, new Alarm(scope, "NoDrillReport", new AlarmProps
        {
            AlarmName = names.DrillAlarm(AlarmKinds.DrillNoReport),
            AlarmDescription = string.Create(CultureInfo.InvariantCulture,
                $"No restore drill of {store} reported for {periods} days (schedule {options.Schedule} {options.TimeZone}): the restore testing plan, the trigger or the validator is not working. Check the plan's restore jobs and the validator's dead-letter queue."),
            Metric = new MathExpression(new MathExpressionProps
            {
                Expression = string.Join(" + ", usingMetrics.Keys.Select(k => $"FILL({k}, 0)")),
                UsingMetrics = usingMetrics,
                Label = "drill reports per day",
                Period = Duration.Days(1),
            }),
            ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
            Threshold = 1,
            EvaluationPeriods = periods,
            DatapointsToAlarm = periods,
            TreatMissingData = TreatMissingData.BREACHING,
        }));

        Add(AlarmKinds.DrillDeadLetters, new Alarm(scope, "DeadLetters", new AlarmProps
        {
            AlarmName = names.DrillAlarm(AlarmKinds.DrillDeadLetters),
            AlarmDescription = $"A restore drill event of {store} could not be delivered to or handled by the validator; its restore job was never validated. Read the message in the dead-letter queue and the validator's logs.",
            Metric = deadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Duration.Minutes(5), Statistic = Stats.MAXIMUM }),
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            Threshold = 0,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        }));
        return alarms;

        void Add(string kind, Alarm alarm)
        {
            if (props.Monitoring is { } monitoring)
            {
                monitoring.AddAlarm(alarm, kind);
            }
            else if (props.AlarmTopic is ITopic topic)
            {
                alarm.AddAlarmAction(new SnsAction(topic));
            }

            alarms.Add(alarm);
        }
    }
}
