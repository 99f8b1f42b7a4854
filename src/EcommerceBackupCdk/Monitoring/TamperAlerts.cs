using Amazon.CDK.AWS.Events;
using Constructs;
using EcommerceBackupCdk.Topology;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// One EventBridge rule per action that weakens the backups (<see cref="TamperEvents.All"/>), each a critical alert that
/// names who did what, routed through <see cref="BackupMonitoring"/> (which lists the rules). Enrolment is by tag and
/// EventBridge cannot read tags, so table, bucket and database rules watch every resource of the account and region — a
/// rare, deliberate action either way. Needs a CloudTrail trail with logging on (the audit trail, or an organization trail).
/// </summary>
public sealed class TamperAlerts : Construct
{
    /// <summary>Creates the rules.</summary>
    public TamperAlerts(Construct scope, string id, TamperAlertsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (props.MinimumDbRetentionDays is < 1 or > 35)
        {
            throw new Validation.BackupConfigurationException(nameof(TamperAlertsProps),
                [$"minimumDbRetentionDays: is out of range (got {props.MinimumDbRetentionDays}, allowed 1 to 35, RDS's backup retention range)"]);
        }

        var topic = props.Monitoring.TopicFor(AlarmSeverity.Critical);
        foreach (var action in TamperEvents.All(props.VaultKeyArns, props.MinimumDbRetentionDays, props.Options.IncludeDeniedAttempts))
        {
            var rule = new Rule(this, action.Id, new RuleProps
            {
                RuleName = new PhysicalNames(props.StoreName).Alarm(PhysicalNames.What(AlarmKinds.Tamper, qualifier: action.Id), AlarmSeverity.Critical),
                Description = $"Critical alert when someone {action.Description}.",
                EventPattern = action.Pattern,
            });
            rule.AddTarget(new TopicRuleTarget(topic, TamperEvents.Message(props.StoreName, action.Description)));
            props.Monitoring.AddRule(rule);
            _rules.Add(rule);
        }
    }

    private readonly List<Rule> _rules = [];

    /// <summary>The rules, one per weakening action.</summary>
    public IReadOnlyList<Rule> Rules => _rules;
}
