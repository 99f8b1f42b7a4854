using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.SNS;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using Constructs;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// Monitoring of one vault, so that failed, missing and slow backups never go unnoticed:
/// <list type="bullet">
/// <item>alarms on the <c>AWS/Backup</c> job metrics of the vault — backup jobs failed, expired, aborted; copy jobs
/// failed per destination vault; restore jobs failed;</item>
/// <item>per tier, a missing-backups alarm (no backup job completed in the tier's window; missing data is
/// breaching, so a plan that silently stops running pages someone) and a slow-jobs alarm;</item>
/// <item>a slow-copies alarm per destination vault;</item>
/// <item>EventBridge rules that send one readable message per failed backup, copy or restore job;</item>
/// <item>a CloudWatch dashboard with room for the restore-drill widgets (<see cref="AddDrillWidgets"/>).</item>
/// </list>
/// Severities (<see cref="MonitoringOptions.Severities"/>) decide the topic: critical to the alert topic, warning to
/// the warning topic when there is one. Every name comes from <see cref="PhysicalNames"/>; alarms created elsewhere
/// (restore drills, store recovery) join with <see cref="AddAlarm(Alarm, string)"/>, so <see cref="Alarms"/> lists
/// every alarm of the backup system and <see cref="MonitoringOptions.Severities"/> re-ranks each of them.
/// </summary>
/// <remarks>
/// AWS Backup publishes its metrics per vault (and resource type), with no plan or tier dimension. All tiers write
/// into the primary vault, so each tier's missing-backups and slow-jobs alarm watches the vault's jobs against that
/// tier's window: the alarm of the most frequent tier fires when nothing completes at all; a tier that silently stops
/// while a more frequent tier keeps completing is not seen by the metric (its failed, expired and aborted jobs still
/// are, by the failure alarms and rules). A slow job of a slower tier can trip a faster tier's slow-jobs alarm.
/// Separate vaults per tier would make both exact.
/// </remarks>
public sealed partial class BackupMonitoring : Construct
{
    private readonly BackupMonitoringProps _props;
    private readonly List<Alarm> _alarms = [];
    private readonly List<Rule> _rules = [];
    private readonly Dictionary<TierName, string> _withoutMissingBackups = [];
    private bool _drillSection;

    /// <summary>Validates the props (all problems at once) and creates the alarms, rules and dashboard.</summary>
    public BackupMonitoring(Construct scope, string id, BackupMonitoringProps props)
        : base(scope, ValidatedId(id, props))
    {
        _props = props;
        Names = new PhysicalNames(props.StoreName);
        var options = props.Options;
        var vaultName = props.Vault.BackupVaultName;

        if (props.Targets is not null)
        {
            FailureAlarm("BackupJobsFailed", AlarmKinds.BackupJobsFailed, BackupMetrics.BackupJobsFailed, vaultName, null,
                "Backup jobs into vault {0} FAILED in the last hour. The job-event message names each resource and reason; " +
                "often a maintenance or automated backup window overlaps the schedule, or the backup role lacks permissions.");
            FailureAlarm("BackupJobsExpired", AlarmKinds.BackupJobsExpired, BackupMetrics.BackupJobsExpired, vaultName, null,
                "Backup jobs into vault {0} EXPIRED in the last hour: they could not start within the start window " +
                "(often a previous job of the same resource was still running). These backups were not taken.");
            FailureAlarm("BackupJobsAborted", AlarmKinds.BackupJobsAborted, BackupMetrics.BackupJobsAborted, vaultName, null,
                "Backup jobs into vault {0} were ABORTED (cancelled) in the last hour.");
        }

        foreach (var destination in props.CopyDestinationVaultNames)
        {
            FailureAlarm($"CopyJobsFailed-{destination}", AlarmKinds.CopyJobsFailed, BackupMetrics.CopyJobsFailed, destination, CopyQualifier(destination),
                "Copy jobs to vault {0} FAILED in the last hour: the disaster-recovery copies are falling behind. " +
                "Check the destination vault's access policy and KMS key grants.",
                BackupMetrics.CopyCount(BackupMetrics.CopyJobsFailed, vaultName, destination, MonitoringDefaults.FailurePeriod));
        }

        FailureAlarm("RestoreJobsFailed", AlarmKinds.RestoreJobsFailed, BackupMetrics.RestoreJobsFailed, vaultName, null,
            "Restore jobs from vault {0} FAILED in the last hour (an incident restore or a restore drill).");

        if (props.Targets is { } targets)
        {
            foreach (var (tier, tierTargets) in targets.Each().Where(t => !options.SkipTiers.Contains(t.Tier)))
            {
                MissingBackupsAlarm(tier, tierTargets, vaultName);
                SlowBackupJobsAlarm(tier, tierTargets, vaultName);
            }
        }

        foreach (var destination in props.CopyDestinationVaultNames)
        {
            SlowAlarm($"SlowCopyJobs-{destination}", AlarmKinds.SlowCopyJobs, BackupMetrics.CopyJobsRunning, destination,
                CopyQualifier(destination), options.SlowCopyAfter,
                $"Copy jobs to vault {destination} have been running for over {DurationText.Format(options.SlowCopyAfter)} without a pause: " +
                "copies are stuck or cannot keep up with the backups.",
                BackupMetrics.CopyGauge(BackupMetrics.CopyJobsRunning, vaultName, destination, MonitoringDefaults.SlowPeriodFor(options.SlowCopyAfter)));
        }

        if (props.Targets is not null)
        {
            JobRule("BackupJobEvents", AlarmKinds.BackupJobEvents, JobEvents.FailedBackupJobs(vaultName), JobEvents.BackupJobMessage(props.StoreName),
                $"Sends each backup job into vault {vaultName} that ends FAILED, ABORTED, EXPIRED or PARTIAL.");
        }

        JobRule("CopyJobEvents", AlarmKinds.CopyJobEvents, JobEvents.FailedCopyJobs(props.Vault.BackupVaultArn), JobEvents.CopyJobMessage(props.StoreName),
            $"Sends each copy job out of vault {vaultName} that ends FAILED, ABORTED or PARTIAL.");
        JobRule("RestoreJobEvents", AlarmKinds.RestoreJobEvents, JobEvents.FailedRestoreJobs(), JobEvents.RestoreJobMessage(props.StoreName),
            "Sends each restore job of this account and region that ends FAILED or ABORTED.");

        if (options.Dashboard)
        {
            Dashboard = CreateDashboard(vaultName);
        }
    }

    /// <summary>The names of this store's resources, alarms and rules.</summary>
    public PhysicalNames Names { get; }

    /// <summary>Every alarm of the backup system, in the order it joined: this construct's own and those added with <see cref="AddAlarm(Alarm, string)"/>.</summary>
    public IReadOnlyList<Alarm> Alarms => _alarms;

    /// <summary>The job-event rules.</summary>
    public IReadOnlyList<Rule> Rules => _rules;

    /// <summary>
    /// Tiers without a missing-backups alarm and why: their window is longer than CloudWatch's 7-day evaluation range
    /// (by default the monthly <c>archive</c> tier), or they have no valid schedule. Failed, expired and aborted jobs
    /// of these tiers are still alarmed and sent.
    /// </summary>
    public IReadOnlyDictionary<TierName, string> TiersWithoutMissingBackupsAlarm => _withoutMissingBackups;

    /// <summary>
    /// The dashboard, or null when <see cref="MonitoringOptions.Dashboard"/> is off. Add widgets with
    /// <see cref="AddDrillWidgets"/> (restore drills) or <see cref="Amazon.CDK.AWS.CloudWatch.Dashboard.AddWidgets"/>.
    /// </summary>
    public Dashboard? Dashboard { get; }

    /// <summary>The topic a severity pages: critical → alert topic; warning → warning topic, else alert topic.</summary>
    public ITopic TopicFor(AlarmSeverity severity) =>
        severity == AlarmSeverity.Warning && _props.WarningTopic is { } warning ? warning : _props.AlertTopic;

    /// <summary>The severity of a kind under these props' options.</summary>
    public AlarmSeverity SeverityOf(string kind) => _props.Options.SeverityOf(kind);

    /// <summary>Lists an EventBridge rule created elsewhere (tamper alerts, malware findings) with <see cref="Rules"/>.</summary>
    public void AddRule(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rules.Add(rule);
    }

    /// <summary>
    /// Routes an alarm created elsewhere (a restore-drill or store-recovery alarm) to the topic of its kind's severity
    /// (<see cref="MonitoringOptions.Severities"/> re-ranks it) and lists it with <see cref="Alarms"/>. Name it with
    /// <see cref="Names"/>.
    /// </summary>
    /// <returns>The severity the alarm was routed with.</returns>
    public AlarmSeverity AddAlarm(Alarm alarm, string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var severity = SeverityOf(kind);
        AddAlarm(alarm, severity);
        return severity;
    }

    /// <summary>
    /// Routes an alarm created elsewhere to the topic of <paramref name="severity"/> and lists it with
    /// <see cref="Alarms"/>. Prefer <see cref="AddAlarm(Alarm, string)"/>, which lets the configured severities decide.
    /// </summary>
    public void AddAlarm(Alarm alarm, AlarmSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        alarm.AddAlarmAction(new SnsAction(TopicFor(severity)));
        _alarms.Add(alarm);
    }

    /// <summary>
    /// The extension point for the restore drills: appends a "Restore drills" section (a header, then the widgets
    /// in a row) to the dashboard, e.g. RTO and RPO trend graphs of the drill metrics. Later calls add more rows to
    /// the same section. Does nothing when the dashboard is off.
    /// </summary>
    public void AddDrillWidgets(params IWidget[] widgets)
    {
        ArgumentNullException.ThrowIfNull(widgets);
        if (Dashboard is null)
        {
            return;
        }

        if (!_drillSection)
        {
            Dashboard.AddWidgets(new TextWidget(new TextWidgetProps
            {
                Markdown = "## Restore drills\nMeasured restore time (RTO) and recovery-point age (RPO) of the scheduled restore drills, against the tier targets.",
                Width = 24,
                Height = 2,
            }));
            _drillSection = true;
        }

        // A dashboard row is 24 units wide: widgets go into as many rows as they need.
        var row = new List<IWidget>();
        foreach (var widget in widgets)
        {
            if (row.Count > 0 && row.Sum(w => w.Width) + widget.Width > 24)
            {
                Dashboard.AddWidgets(new Row([.. row]));
                row.Clear();
            }

            row.Add(widget);
        }

        if (row.Count > 0)
        {
            Dashboard.AddWidgets(new Row([.. row]));
        }
    }

    private static string ValidatedId(string id, BackupMonitoringProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var problems = new ValidationProblems();
        PropsValidator.ValidateStoreName(props.StoreName, problems);
        MonitoringValidator.Validate(props.Options, problems);
        if (props.Label is not null && !LabelPattern().IsMatch(props.Label))
        {
            problems.Add("label", "is not a valid name label", props.Label, "1-20 lower-case letters, digits or '-', starting with a letter");
        }

        if (props.StoreName is not null && props.Label is { } label && LabelPattern().IsMatch(label))
        {
            var longest = new PhysicalNames(props.StoreName).Alarm(PhysicalNames.What(AlarmKinds.RestoreJobEvents, label), AlarmSeverity.Critical);
            if (longest.Length > PhysicalNames.MaxRuleNameLength)
            {
                problems.Add("label", "makes rule names longer than EventBridge allows", longest, $"names of at most {PhysicalNames.MaxRuleNameLength} characters");
            }
        }

        problems.ThrowIfAny(nameof(BackupMonitoringProps));
        return id;
    }

    private string NameFor(string kind, string? qualifier) =>
        Names.Alarm(PhysicalNames.What(kind, _props.Label, qualifier), SeverityOf(kind));

    private string CopyQualifier(string destinationVaultName) =>
        "to-" + (destinationVaultName.StartsWith(_props.StoreName + "-", StringComparison.Ordinal)
            ? destinationVaultName[(_props.StoreName.Length + 1)..]
            : destinationVaultName);

    private void FailureAlarm(string id, string kind, string metricName, string vaultName, string? qualifier, string description, IMetric? metric = null)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmName = NameFor(kind, qualifier),
            AlarmDescription = string.Format(CultureInfo.InvariantCulture, description, vaultName),
            Metric = metric ?? BackupMetrics.Count(metricName, vaultName, MonitoringDefaults.FailurePeriod),
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = 1,
            DatapointsToAlarm = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        AddAlarm(alarm, SeverityOf(kind));
    }

    private void MissingBackupsAlarm(TierName tier, TierTargets targets, string vaultName)
    {
        var window = _props.Options.MissingBackupsAfter.TryGetValue(tier, out var configured) ? configured : MonitoringDefaults.MissingBackupsAfter(targets);
        if (window is null)
        {
            Skip(tier, "the tier has no valid schedule");
            return;
        }

        if (window > MonitoringDefaults.MaxAlarmRange)
        {
            Skip(tier, $"its window of {DurationText.Format(window.Value)} is longer than the 7 days a CloudWatch alarm can evaluate");
            return;
        }

        var periods = (int)(window.Value.Ticks / MonitoringDefaults.MissingBackupsPeriod.Ticks);
        var alarm = new Alarm(this, $"MissingBackups{tier.Pascal()}", new AlarmProps
        {
            AlarmName = NameFor(AlarmKinds.MissingBackups, $"{tier.TagValue()}-tier"),
            AlarmDescription =
                $"No backup job into vault {vaultName} completed in the last {DurationText.Format(window.Value)} — the longest the " +
                $"{tier.TagValue()} tier's schedule allows. Plans may have stopped running, the selection may match no resource, or every job fails. " +
                "AWS Backup metrics have no tier dimension: this counts all completed jobs of the vault.",
            Metric = BackupMetrics.Count(BackupMetrics.BackupJobsCompleted, vaultName, MonitoringDefaults.MissingBackupsPeriod),
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
            EvaluationPeriods = periods,
            DatapointsToAlarm = periods,
            TreatMissingData = TreatMissingData.BREACHING,
        });
        AddAlarm(alarm, SeverityOf(AlarmKinds.MissingBackups));
        alarm.AddOkAction(new SnsAction(TopicFor(SeverityOf(AlarmKinds.MissingBackups))));
    }

    private void SlowBackupJobsAlarm(TierName tier, TierTargets targets, string vaultName)
    {
        var window = _props.Options.SlowJobsAfter.TryGetValue(tier, out var configured) ? configured : MonitoringDefaults.SlowJobsAfter(targets);
        if (window is null)
        {
            return;
        }

        SlowAlarm($"SlowBackupJobs{tier.Pascal()}", AlarmKinds.SlowBackupJobs, BackupMetrics.BackupJobsRunning, vaultName, $"{tier.TagValue()}-tier", window.Value,
            $"Backup jobs into vault {vaultName} have been running for over {DurationText.Format(window.Value)} without a pause — longer " +
            $"than the {tier.TagValue()} tier allows (its shortest interval or longest completion window). A job still running at the next " +
            "scheduled run makes that run expire. The metric has no tier dimension: a long job of a slower tier also counts.");
    }

    private void SlowAlarm(string id, string kind, string metricName, string vaultName, string qualifier, TimeSpan window, string description, IMetric? metric = null)
    {
        var period = MonitoringDefaults.SlowPeriodFor(window);
        var periods = (int)(window.Ticks / period.Ticks);
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmName = NameFor(kind, qualifier),
            AlarmDescription = description,
            Metric = metric ?? BackupMetrics.Gauge(metricName, vaultName, period),
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = periods,
            DatapointsToAlarm = periods,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        AddAlarm(alarm, SeverityOf(kind));
    }

    private void Skip(TierName tier, string reason)
    {
        _withoutMissingBackups[tier] = reason;
        Annotations.Of(this).AddInfo(
            $"No missing-backups alarm for the {tier.TagValue()} tier: {reason}. Its failed, expired and aborted jobs are still alarmed and sent.");
    }

    private void JobRule(string id, string kind, EventPattern pattern, RuleTargetInput message, string description)
    {
        var severity = SeverityOf(kind);
        var rule = new Rule(this, id, new RuleProps
        {
            RuleName = NameFor(kind, null),
            Description = description,
            EventPattern = pattern,
        });
        rule.AddTarget(new TopicRuleTarget(TopicFor(severity), message));
        _rules.Add(rule);
        AlarmOnFailedDelivery((Amazon.CDK.AWS.Events.CfnRule)rule.Node.DefaultChild!, PhysicalNames.What(kind));
    }

    /// <summary>
    /// Alarms when an EventBridge rule cannot deliver to its target: metric <c>FailedInvocations</c> of namespace
    /// <c>AWS/Events</c>, dimension <c>RuleName</c>, "The number of invocations that failed permanently." and
    /// "EventBridge only sends this metric to CloudWatch if it isn't zero."
    /// (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html), so missing data is not
    /// breaching. The alarm action goes from CloudWatch to the topic of <see cref="AlarmKinds.EventDeliveryFailed"/>'s
    /// severity, a path that does not need the EventBridge grant that failed (the topic key's statement for
    /// <c>cloudwatch.amazonaws.com</c> is separate from the one for <c>events.amazonaws.com</c>). The facade calls it
    /// for every rule it creates; <paramref name="qualifier"/> makes the alarm name unique, e.g. <c>drills-trigger</c>.
    /// </summary>
    public Alarm AlarmOnFailedDelivery(Amazon.CDK.AWS.Events.CfnRule rule, string qualifier)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(qualifier);
        var alarm = new Alarm(this, $"EventDeliveryFailed-{qualifier}", new AlarmProps
        {
            AlarmName = NameFor(AlarmKinds.EventDeliveryFailed, qualifier),
            AlarmDescription = $"EventBridge rule {qualifier} of store {_props.StoreName} could not deliver an event to its target: the message it carries was lost. " +
                "Check the target's resource policy and, for an encrypted topic, the key policy's statement for events.amazonaws.com.",
            Metric = new Metric(new MetricProps
            {
                Namespace = "AWS/Events",
                MetricName = "FailedInvocations",
                DimensionsMap = new Dictionary<string, string> { ["RuleName"] = rule.Ref },
                Statistic = "Sum",
                Period = Duration.Minutes(5),
            }),
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = 1,
            DatapointsToAlarm = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        AddAlarm(alarm, SeverityOf(AlarmKinds.EventDeliveryFailed));
        return alarm;
    }

    /// <summary>
    /// Alarms when executions of a Step Functions workflow end badly: the sum of <c>ExecutionsFailed</c>,
    /// <c>ExecutionsTimedOut</c> and <c>ExecutionsAborted</c> (namespace <c>AWS/States</c>, dimension
    /// <c>StateMachineArn</c>, the execution-level metrics Step Functions publishes:
    /// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/appinsights-metrics-step-functions.html lists
    /// "ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted"; CDK's <c>IStateMachine.MetricFailed</c> and
    /// siblings name them with that namespace and dimension). Missing data is not breaching: no execution, no data
    /// point. The facade calls it for the restore drill flow, whose failures would otherwise leave a restore job
    /// without a verdict and only show up days later as "no drill report".
    /// </summary>
    public Alarm AlarmOnFailedExecutions(Amazon.CDK.AWS.StepFunctions.IStateMachine stateMachine, string qualifier)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        ArgumentException.ThrowIfNullOrWhiteSpace(qualifier);
        var period = Duration.Minutes(5);
        var options = new MetricOptions { Period = period, Statistic = "Sum" };
        var alarm = new Alarm(this, $"WorkflowExecutionsFailed-{qualifier}", new AlarmProps
        {
            AlarmName = NameFor(AlarmKinds.WorkflowExecutionsFailed, qualifier),
            AlarmDescription = $"Executions of workflow {qualifier} of store {_props.StoreName} failed, timed out or were aborted: the restore jobs they handled got no verdict from it. " +
                "Open the state machine's failed executions in the Step Functions console and its log group.",
            Metric = new MathExpression(new MathExpressionProps
            {
                Expression = "FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)",
                UsingMetrics = new Dictionary<string, IMetric>
                {
                    ["failed"] = stateMachine.MetricFailed(options),
                    ["timedOut"] = stateMachine.MetricTimedOut(options),
                    ["aborted"] = stateMachine.MetricAborted(options),
                },
                Label = "failed, timed-out and aborted executions",
                Period = period,
            }),
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = 1,
            DatapointsToAlarm = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        AddAlarm(alarm, SeverityOf(AlarmKinds.WorkflowExecutionsFailed));
        return alarm;
    }

    private Dashboard CreateDashboard(string vaultName)
    {
        var period = TimeSpan.FromHours(1);
        var dashboard = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = Names.Dashboard,
            DefaultInterval = Duration.Days(7),
        });

        dashboard.AddWidgets(new TextWidget(new TextWidgetProps
        {
            Markdown = $"# {_props.StoreName} backups\nJobs of vault `{vaultName}` per hour. AWS Backup publishes these metrics every 5 minutes, " +
                "only when non-zero; failed jobs also arrive as messages on the alert topic.",
            Width = 24,
            Height = 2,
        }));

        dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Backup jobs by state",
                Width = 12,
                Left =
                [
                    BackupMetrics.Count(BackupMetrics.BackupJobsCreated, vaultName, period, "Created"),
                    BackupMetrics.Count(BackupMetrics.BackupJobsCompleted, vaultName, period, "Completed"),
                    BackupMetrics.Count(BackupMetrics.BackupJobsFailed, vaultName, period, "Failed"),
                    BackupMetrics.Count(BackupMetrics.BackupJobsExpired, vaultName, period, "Expired"),
                    BackupMetrics.Count(BackupMetrics.BackupJobsAborted, vaultName, period, "Aborted"),
                ],
                Right = [BackupMetrics.Gauge(BackupMetrics.BackupJobsRunning, vaultName, period, "Running (max)")],
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Copy jobs by destination vault",
                Width = 12,
                Left = _props.CopyDestinationVaultNames.SelectMany(d => new IMetric[]
                {
                    BackupMetrics.Count(BackupMetrics.CopyJobsCompleted, d, period, $"Completed to {d}"),
                    BackupMetrics.Count(BackupMetrics.CopyJobsFailed, d, period, $"Failed to {d}"),
                }).ToArray(),
                Right = _props.CopyDestinationVaultNames
                    .Select(d => (IMetric)BackupMetrics.Gauge(BackupMetrics.CopyJobsRunning, d, period, $"Running to {d} (max)")).ToArray(),
            }));

        dashboard.AddWidgets(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "Restore jobs",
                Width = 12,
                Left =
                [
                    BackupMetrics.Count(BackupMetrics.RestoreJobsCompleted, vaultName, period, "Completed"),
                    BackupMetrics.Count(BackupMetrics.RestoreJobsFailed, vaultName, period, "Failed"),
                ],
                Right = [BackupMetrics.Gauge(BackupMetrics.RestoreJobsRunning, vaultName, period, "Running (max)")],
            }),
            new AlarmStatusWidget(new AlarmStatusWidgetProps
            {
                Title = "Backup alarms",
                Width = 12,
                Alarms = _alarms.Cast<IAlarm>().ToArray(),
            }));
        return dashboard;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,19}$")]
    private static partial Regex LabelPattern();
}
