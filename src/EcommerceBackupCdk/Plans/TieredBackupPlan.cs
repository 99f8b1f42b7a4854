using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.IAM;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using Constructs;
using EventsSchedule = Amazon.CDK.AWS.Events.Schedule;

namespace EcommerceBackupCdk.Plans;

/// <summary>
/// The backup plans of the tiers, with rules derived per tier and resource family (<see cref="RuleDerivation"/>): each
/// tier's own plan <c>&lt;store&gt;-&lt;tier&gt;</c> applies the tier's rules to every type, and a family whose derived
/// rules differ gets a plan of its own, <c>&lt;store&gt;-&lt;tier&gt;-&lt;family&gt;</c>, whose selection ANDs the tier
/// tag with the family's ARN patterns; the tier's own selection then excludes those patterns (NotResources). Copy
/// actions go to the DR vaults, recovery-point tags name store, tier and rule.
/// </summary>
public sealed class TieredBackupPlan : Construct
{
    /// <summary>Name of the continuous-backup rule.</summary>
    public const string ContinuousRuleName = "Continuous";

    private readonly Dictionary<TierName, IBackupPlan> _plans = [];
    private readonly Dictionary<TierName, BackupSelection> _selections = [];
    private readonly Dictionary<(TierName, ResourceFamily), IBackupPlan> _familyPlans = [];
    private readonly Dictionary<(TierName, ResourceFamily), DerivedRuleSet> _derived = [];

    /// <summary>Creates the plans.</summary>
    public TieredBackupPlan(Construct scope, string id, TieredBackupPlanProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Validate(props);

        IBackupVault? drRegion = props.DrRegionVaultArn is null ? null : BackupVault.FromBackupVaultArn(this, "DrRegionVault", props.DrRegionVaultArn);
        IBackupVault? drAccount = props.DrAccountVaultArn is null ? null : BackupVault.FromBackupVaultArn(this, "DrAccountVault", props.DrAccountVaultArn);
        IBackupVault? airGapped = props.AirGappedVaultArn is null ? null : BackupVault.FromBackupVaultArn(this, "AirGappedVault", props.AirGappedVaultArn);
        // The one place a copy destination becomes a vault. The air-gapped destination replaces the critical tier's
        // DR-account copy (BackupTargets.WithAirGappedCopies), so a rule still makes one copy in the DR account.
        IBackupVault Destination(CopyDestination d) => d switch
        {
            CopyDestination.DrRegion => drRegion!,
            CopyDestination.DrAccount => drAccount!,
            _ => airGapped!,
        };
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

        var partition = Stack.Of(this).Partition;
        var names = new PhysicalNames(props.StoreName);

        foreach (var tier in props.Tiers)
        {
            var targets = props.Targets[tier];
            var tierScope = new Construct(this, tier.Pascal());
            var tierRules = RuleDerivation.TierRules(targets);
            var own = ResourceFamilies.Derived
                .Select(f => RuleDerivation.Derive(tier, props.Targets, f, props.GuardRails))
                .Where(d => !d.SameAs(tierRules))
                .ToList();

            var role = new Role(tierScope, "SelectionRole", new RoleProps
            {
                AssumedBy = new ServicePrincipal("backup.amazonaws.com"),
                Description = $"AWS Backup role for the {tier.TagValue()} tier of {props.StoreName}: backs up tagged resources.",
                ManagedPolicies =
                [
                    ManagedPolicy.FromAwsManagedPolicyName("AWSBackupServiceRolePolicyForS3Backup"),
                ],
            });
            if (props.MalwareScan is { } scan && ResilienceActions.Covers(scan.Tiers, tier))
            {
                // AWS Backup starts the GuardDuty scan with the backup role and passes the scanner role on.
                role.AddManagedPolicy(ManagedPolicy.FromAwsManagedPolicyName(ResilienceFacts.BackupScanPolicy));
            }

            Compliance.NagSuppressions.Add(role,
                ("AwsSolutions-IAM4", "AWS Backup's documented service-role policies (AWSBackupServiceRolePolicyForBackup, ...ForS3Backup) are the least-privilege set AWS maintains for tag-selected resources of any type; a hand-written copy would drift as AWS adds resource types."));

            // The tier's own plan keeps its construct id and name: existing deployments keep it.
            var plan = Plan(tierScope, names.Plan(tier), tierRules, props, tier, Destination, ScannerRole);
            _selections[tier] = TierSelection.Create(tierScope, "Selection", plan, role, names.Selection(tier), tier,
                ["*"], [.. own.SelectMany(d => ResourceFamilies.ArnPatterns(d.Family, partition))]);
            _plans[tier] = plan;
            if (props.TagPlansWithTier)
            {
                Tags.Of(plan).Add(TagContract.TierKey, tier.TagValue());
            }

            foreach (var derived in own)
            {
                var familyScope = new Construct(tierScope, derived.Family.ToString());
                var familyPlan = Plan(familyScope, names.Plan(tier, derived.Family), derived.Rules, props, tier, Destination, ScannerRole);
                TierSelection.Create(familyScope, "Selection", familyPlan, role, names.Selection(tier, derived.Family), tier, ResourceFamilies.ArnPatterns(derived.Family, partition), []);
                _familyPlans[(tier, derived.Family)] = familyPlan;
                _derived[(tier, derived.Family)] = derived;
            }
        }
    }

    /// <summary>The tier's own plan <c>&lt;store&gt;-&lt;tier&gt;</c> (every type without a family plan).</summary>
    public IReadOnlyDictionary<TierName, IBackupPlan> Plans => _plans;

    /// <summary>The role GuardDuty assumes to scan recovery points, or null when <see cref="TieredBackupPlanProps.MalwareScan"/> is not set.</summary>
    public Role? ScannerRole { get; }

    /// <summary>The tag selection of each tier's own plan.</summary>
    public IReadOnlyDictionary<TierName, BackupSelection> Selections => _selections;

    /// <summary>The plans of the families whose derived rules differ from their tier's, e.g. <c>acme-critical-dynamodb</c>.</summary>
    public IReadOnlyDictionary<(TierName Tier, ResourceFamily Family), IBackupPlan> FamilyPlans => _familyPlans;

    /// <summary>The derived rules behind each family plan.</summary>
    public IReadOnlyDictionary<(TierName Tier, ResourceFamily Family), DerivedRuleSet> FamilyRules => _derived;

    /// <summary>Every plan with its tier: the tiers' own plans, then the family plans.</summary>
    public IEnumerable<(TierName Tier, IBackupPlan Plan)> AllPlans() =>
        _plans.Select(p => (p.Key, p.Value)).Concat(_familyPlans.Select(p => (p.Key.Item1, p.Value)));

    private static BackupPlan Plan(Construct scope, string name, IReadOnlyList<DerivedRule> rules, TieredBackupPlanProps props, TierName tier,
        Func<CopyDestination, IBackupVault> destination, Role? scannerRole)
    {
        var plan = new BackupPlan(scope, "Resource", new BackupPlanProps
        {
            BackupPlanName = name,
            BackupVault = props.Vault,
        });
        foreach (var rule in rules)
        {
            plan.AddRule(new BackupPlanRule(new BackupPlanRuleProps
            {
                RuleName = rule.Name,
                ScheduleExpression = EventsSchedule.Expression(rule.Schedule),
                EnableContinuousBackup = rule.Continuous ? true : null,
                DeleteAfter = Days(rule.Retention),
                MoveToColdStorageAfter = rule.MoveToColdStorageAfter is { } cold ? Days(cold) : null,
                StartWindow = Duration.Minutes(rule.StartWindow.TotalMinutes),
                CompletionWindow = Duration.Minutes(rule.CompletionWindow.TotalMinutes),
                RecoveryPointTags = RecoveryPointTags(props.StoreName, tier, rule.Name),
                CopyActions = rule.Copies.Select(c => new BackupPlanCopyActionProps
                {
                    DestinationBackupVault = destination(c.Destination),
                    DeleteAfter = Days(c.Retention),
                    MoveToColdStorageAfter = c.MoveToColdStorageAfter is { } copyCold ? Days(copyCold) : null,
                }).ToArray(),
            }));
        }

        ApplyTimeZone(plan, rules.Count, props.ScheduleTimeZone);

        // Scan and index actions go on the snapshot rules; continuous recovery points are neither scanned nor indexed here.
        var snapshotRules = rules.Select((r, i) => (r, i)).Where(x => !x.r.Continuous).Select(x => x.i).ToList();
        if (props.MalwareScan is { } scan && ResilienceActions.Covers(scan.Tiers, tier))
        {
            ResilienceActions.AddMalwareScan(plan, snapshotRules, scan, scannerRole!.RoleArn);
        }

        if (props.ItemSearch is { } search && ResilienceActions.Covers(search.Tiers, tier))
        {
            ResilienceActions.AddS3Index(plan, snapshotRules);
        }

        return plan;
    }

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
        foreach (var (tier, rule, destination) in BackupTopology.CopiesOf(props.Targets).Where(c => props.Tiers.Contains(c.Tier)))
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
