using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.IAM;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;
using Constructs;
using EventsSchedule = Amazon.CDK.AWS.Events.Schedule;

namespace EcommerceBackupCdk.Plans;

/// <summary>
/// One AWS Backup plan per tier, with rules derived from the tier's targets (hourly/daily/weekly/monthly snapshots,
/// continuous backup), copy actions to the DR vaults, recovery-point tags naming store, tier and rule, and a tag
/// selection that enrols every resource tagged with the tier.
/// </summary>
public sealed class TieredBackupPlan : Construct
{
    /// <summary>Name of the continuous-backup rule.</summary>
    public const string ContinuousRuleName = "Continuous";

    private readonly Dictionary<TierName, IBackupPlan> _plans = [];
    private readonly Dictionary<TierName, BackupSelection> _selections = [];

    /// <summary>Creates the plans.</summary>
    public TieredBackupPlan(Construct scope, string id, TieredBackupPlanProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Validate(props);

        IBackupVault? drRegion = props.DrRegionVaultArn is null ? null : BackupVault.FromBackupVaultArn(this, "DrRegionVault", props.DrRegionVaultArn);
        IBackupVault? drAccount = props.DrAccountVaultArn is null ? null : BackupVault.FromBackupVaultArn(this, "DrAccountVault", props.DrAccountVaultArn);
        IBackupVault? airGapped = props.AirGappedVaultArn is null ? null : BackupVault.FromBackupVaultArn(this, "AirGappedVault", props.AirGappedVaultArn);
        if (props.MalwareScan is not null)
        {
            // GuardDuty assumes this role to read the recovery points it scans (AWSBackupGuardDutyRolePolicyForScans).
            ScannerRole = new Role(this, "ScannerRole", new RoleProps
            {
                AssumedBy = new ServicePrincipal(ResilienceFacts.ScannerServicePrincipal),
                Description = $"GuardDuty Malware Protection reads the recovery points of {props.StoreName} it scans.",
                ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName(ResilienceFacts.ScannerPolicy)],
            });
            Compliance.NagSuppressions.Add(ScannerRole,
                ("AwsSolutions-IAM4", "AWSBackupGuardDutyRolePolicyForScans is the AWS-maintained least-privilege policy GuardDuty needs to read recovery points; it is scoped by the aws:backup:source-resource tag and kms:ViaService conditions AWS keeps current."));
        }

        foreach (var tier in props.Tiers)
        {
            var targets = props.Targets[tier];
            var tierScope = new Construct(this, tier.Pascal());
            var plan = new BackupPlan(tierScope, "Resource", new BackupPlanProps
            {
                BackupPlanName = $"{props.StoreName}-{tier.TagValue()}",
                BackupVault = props.Vault,
            });

            var ruleIndex = 0;
            foreach (var rule in targets.Rules)
            {
                plan.AddRule(new BackupPlanRule(new BackupPlanRuleProps
                {
                    RuleName = rule.Name,
                    ScheduleExpression = EventsSchedule.Expression(rule.Schedule),
                    DeleteAfter = Days(rule.Retention),
                    MoveToColdStorageAfter = rule.MoveToColdStorageAfter is { } cold ? Days(cold) : null,
                    StartWindow = Duration.Minutes(rule.StartWindow.TotalMinutes),
                    CompletionWindow = Duration.Minutes(rule.CompletionWindow.TotalMinutes),
                    RecoveryPointTags = RecoveryPointTags(props.StoreName, tier, rule.Name),
                    CopyActions = rule.Copies.Select(c => new BackupPlanCopyActionProps
                    {
                        DestinationBackupVault = c.Destination switch
                        {
                            CopyDestination.DrRegion => drRegion!,
                            CopyDestination.DrAccount => drAccount!,
                            _ => airGapped!,
                        },
                        DeleteAfter = Days(c.Retention),
                        MoveToColdStorageAfter = c.MoveToColdStorageAfter is { } copyCold ? Days(copyCold) : null,
                    }).ToArray(),
                }));
                ruleIndex++;
            }

            if (targets.Continuous is { } continuous)
            {
                plan.AddRule(new BackupPlanRule(new BackupPlanRuleProps
                {
                    RuleName = ContinuousRuleName,
                    ScheduleExpression = EventsSchedule.Expression(continuous.Schedule),
                    EnableContinuousBackup = true,
                    DeleteAfter = Days(continuous.Retention),
                    StartWindow = Duration.Minutes(TierDefaults.StartWindow.TotalMinutes),
                    CompletionWindow = Duration.Minutes(TierDefaults.CompletionWindow.TotalMinutes),
                    RecoveryPointTags = RecoveryPointTags(props.StoreName, tier, ContinuousRuleName),
                }));
                ruleIndex++;
            }

            ApplyTimeZone(plan, ruleIndex, props.ScheduleTimeZone);
            var scanned = props.MalwareScan is { } scan && ResilienceActions.Covers(scan.Tiers, tier);
            if (scanned)
            {
                ResilienceActions.AddMalwareScan(plan, targets.Rules.Count, props.MalwareScan!, ScannerRole!.RoleArn);
            }

            if (props.ItemSearch is { } search && ResilienceActions.Covers(search.Tiers, tier))
            {
                ResilienceActions.AddS3Index(plan, targets.Rules.Count);
            }

            var role = new Role(tierScope, "SelectionRole", new RoleProps
            {
                AssumedBy = new ServicePrincipal("backup.amazonaws.com"),
                Description = $"AWS Backup role for the {tier.TagValue()} tier of {props.StoreName}: backs up tagged resources.",
                ManagedPolicies =
                [
                    ManagedPolicy.FromAwsManagedPolicyName("AWSBackupServiceRolePolicyForS3Backup"),
                ],
            });
            if (scanned)
            {
                // AWS Backup starts the GuardDuty scan with the backup role and passes the scanner role on.
                role.AddManagedPolicy(ManagedPolicy.FromAwsManagedPolicyName(ResilienceFacts.BackupScanPolicy));
            }

            Compliance.NagSuppressions.Add(role,
                ("AwsSolutions-IAM4", "AWS Backup's documented service-role policies (AWSBackupServiceRolePolicyForBackup, ...ForS3Backup) are the least-privilege set AWS maintains for tag-selected resources of any type; a hand-written copy would drift as AWS adds resource types."));

            _selections[tier] = TierSelection.Create(tierScope, "Selection", plan, role, props.StoreName, tier);
            _plans[tier] = plan;
        }
    }

    /// <summary>The plan of each tier.</summary>
    public IReadOnlyDictionary<TierName, IBackupPlan> Plans => _plans;

    /// <summary>The role GuardDuty assumes to scan recovery points, or null when <see cref="TieredBackupPlanProps.MalwareScan"/> is not set.</summary>
    public Role? ScannerRole { get; }

    /// <summary>The tag selection of each tier.</summary>
    public IReadOnlyDictionary<TierName, BackupSelection> Selections => _selections;

    /// <summary>The recovery-point tags a rule sets.</summary>
    public static Dictionary<string, string> RecoveryPointTags(string storeName, TierName tier, string ruleName) => new()
    {
        [TagContract.StoreKey] = storeName,
        [TagContract.TierKey] = tier.TagValue(),
        [TagContract.RuleKey] = ruleName,
    };

    private static Duration Days(TimeSpan value) => Duration.Days(value.TotalDays);

    /// <summary>CDK 2.160's BackupPlanRule has no time-zone property; this is the one override that sets it.</summary>
    private static void ApplyTimeZone(BackupPlan plan, int ruleCount, string timeZone)
    {
        var cfn = (CfnBackupPlan)plan.Node.DefaultChild!;
        for (var i = 0; i < ruleCount; i++)
        {
            cfn.AddPropertyOverride($"BackupPlan.BackupPlanRule.{i}.ScheduleExpressionTimezone", timeZone);
        }
    }

    private static void Validate(TieredBackupPlanProps props)
    {
        var problems = new ValidationProblems();
        PropsValidator.ValidateStoreName(props.StoreName, problems);
        PropsValidator.ValidateTimeZone(props.ScheduleTimeZone, problems);
        PropsValidator.ValidateTargets(props.Targets, problems);
        foreach (var (tier, rule, destination) in PropsValidator.Copies(props.Targets).Where(c => props.Tiers.Contains(c.Tier)))
        {
            if (destination == CopyDestination.DrRegion && props.DrRegionVaultArn is null)
            {
                problems.Add("drRegionVaultArn", $"is required because targets.{tier.TagValue()}.rules.{rule} copies to the DR region", null, "the ARN of the DR-region vault");
            }

            if (destination == CopyDestination.DrAccount && props.DrAccountVaultArn is null)
            {
                problems.Add("drAccountVaultArn", $"is required because targets.{tier.TagValue()}.rules.{rule} copies to the DR account", null, "the ARN of the DR-account vault");
            }

            if (destination == CopyDestination.AirGapped && props.AirGappedVaultArn is null)
            {
                problems.Add("airGappedVaultArn", $"is required because targets.{tier.TagValue()}.rules.{rule} copies to the air-gapped vault", null, "the ARN of the logically air-gapped vault");
            }
        }

        problems.ThrowIfAny(nameof(TieredBackupPlanProps));
    }
}
