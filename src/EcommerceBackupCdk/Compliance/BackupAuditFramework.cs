using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;
using Constructs;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// Audit evidence for the backup system. One AWS Backup Audit Manager framework per tier whose controls are scoped
/// by the tier tag and whose parameters are derived from the tier's targets (<see cref="AuditControls"/>), plus one
/// framework for the primary vault (manual deletion disabled, break-glass principals exempted); daily report plans;
/// the locked evidence bucket; a CloudTrail trail; optionally the AWS Config recorder the controls need and the
/// monthly evidence index. CDK 2.160 has no L2 for frameworks, so they are <see cref="CfnFramework"/>s.
/// </summary>
/// <remarks>
/// Prerequisite: AWS Config must record the AWS Backup resource types in this region (see
/// <see cref="AuditOptions.CreateConfigRecorder"/>); without it the frameworks deploy but never evaluate. The
/// frameworks use up to 26 of the 50 controls AWS allows per account and region.
/// </remarks>
public sealed class BackupAuditFramework : Construct
{
    private static readonly string[] VaultResourceTypes = ["AWS::Backup::BackupVault"];
    private readonly Dictionary<TierName, CfnFramework> _frameworks = [];
    private readonly Dictionary<TierName, TierControls> _controls = [];

    /// <summary>Validates the props and creates the audit resources.</summary>
    public BackupAuditFramework(Construct scope, string id, BackupAuditFrameworkProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var problems = new ValidationProblems();
        PropsValidator.ValidateStoreName(props.StoreName, problems);
        PropsValidator.ValidateTargets(props.Targets, problems);
        AuditValidator.Validate(props.Options, problems);
        problems.ThrowIfAny(nameof(BackupAuditFrameworkProps));

        var options = props.Options;
        var names = new PhysicalNames(props.StoreName);

        Evidence = new EvidenceBucket(this, "Evidence", new EvidenceBucketProps
        {
            StoreName = props.StoreName,
            Retention = options.EvidenceRetention,
            AccessLogRetention = options.AccessLogRetention,
            CreateReportsServiceLinkedRole = options.CreateReportsServiceLinkedRole,
        });

        if (options.CreateConfigRecorder)
        {
            Recorder = new ConfigRecorder(this, "Recorder", new ConfigRecorderProps { Evidence = Evidence });
        }

        foreach (var (tier, _) in props.Targets.Each())
        {
            var derived = AuditControls.ForTier(tier, props.Targets, props.VaultLock, props.DrRegion, props.DrAccount);
            _controls[tier] = derived;
            var scopeTag = new Dictionary<string, object>
            {
                ["Tags"] = new[] { new Dictionary<string, object> { ["Key"] = TagContract.TierKey, ["Value"] = tier.TagValue() } },
            };
            _frameworks[tier] = NewFramework(tier.Pascal(), names.AuditFramework(tier),
                $"Backup controls of the {tier.TagValue()} tier of store {props.StoreName}, derived from its targets; scope: resources, plans and recovery points tagged {TagContract.TierKey}={tier.TagValue()}.",
                derived.Controls, scopeTag);
            foreach (var reason in derived.Skipped)
            {
                Annotations.Of(_frameworks[tier]).AddInfo($"Control not deployed for the {tier.TagValue()} tier: {reason}");
            }
        }

        ManualDeletionControl = AuditControls.ManualDeletion(options.BreakGlassPrincipals);
        VaultFramework = NewFramework("Vaults", names.VaultAuditFramework,
            $"The primary backup vault of store {props.StoreName} denies manual deletion of recovery points (break-glass principals exempted).",
            [ManualDeletionControl],
            new Dictionary<string, object>
            {
                ["ComplianceResourceIds"] = new[] { props.PrimaryVaultName ?? names.Vault(VaultRole.Primary) },
                ["ComplianceResourceTypes"] = VaultResourceTypes,
            });

        Reports = new AuditReportPlans(this, "Reports", new AuditReportPlansProps
        {
            StoreName = props.StoreName,
            Evidence = Evidence,
            FrameworkArns = FrameworkArns,
        });

        Trail = new AuditTrail(this, "Trail", new AuditTrailProps { StoreName = props.StoreName, Evidence = Evidence });

        if (options.EvidenceIndexCode is { } code)
        {
            EvidenceIndex = new EvidenceIndexFunction(this, "EvidenceIndex", new EvidenceIndexFunctionProps
            {
                StoreName = props.StoreName,
                Evidence = Evidence,
                Code = code,
                Targets = props.Targets,
                DrRegion = props.DrRegion,
                DrAccount = props.DrAccount,
                LockMode = props.VaultLock.Mode,
                DrillReports = props.DrillReportBucket,
                DrillReportsKey = props.DrillReportKey,
                Network = props.EvidenceIndexNetwork,
                FrameworkNames = [.. _frameworks.Values.Select(f => f.FrameworkName!), VaultFramework.FrameworkName!],
            });
        }
    }

    /// <summary>The framework of each tier.</summary>
    public IReadOnlyDictionary<TierName, CfnFramework> Frameworks => _frameworks;

    /// <summary>The controls derived for each tier (and those that could not be expressed).</summary>
    public IReadOnlyDictionary<TierName, TierControls> Controls => _controls;

    /// <summary>The framework of the primary vault.</summary>
    public CfnFramework VaultFramework { get; }

    /// <summary>The manual-deletion control of <see cref="VaultFramework"/>.</summary>
    public AuditControl ManualDeletionControl { get; }

    /// <summary>ARNs of every framework (the tiers' and the vault's).</summary>
    public IReadOnlyList<string> FrameworkArns => [.. _frameworks.Values.Select(f => f.AttrFrameworkArn), VaultFramework.AttrFrameworkArn];

    /// <summary>The evidence bucket.</summary>
    public EvidenceBucket Evidence { get; }

    /// <summary>The report plans.</summary>
    public AuditReportPlans Reports { get; }

    /// <summary>The CloudTrail trail.</summary>
    public AuditTrail Trail { get; }

    /// <summary>The AWS Config recorder, when <see cref="AuditOptions.CreateConfigRecorder"/> is set.</summary>
    public ConfigRecorder? Recorder { get; }

    /// <summary>The evidence-index function, when <see cref="AuditOptions.EvidenceIndexCode"/> is set.</summary>
    public EvidenceIndexFunction? EvidenceIndex { get; }

    private CfnFramework NewFramework(string childId, string name, string description, IReadOnlyList<AuditControl> controls, Dictionary<string, object> scope)
    {
        var framework = new CfnFramework(this, childId, new CfnFrameworkProps
        {
            FrameworkName = name,
            FrameworkDescription = description,
            FrameworkControls = controls.Select(c => (object)new CfnFramework.FrameworkControlProperty
            {
                ControlName = c.Name,
                ControlInputParameters = c.Parameters.Count == 0
                    ? null
                    : c.Parameters.Select(p => (object)new CfnFramework.ControlInputParameterProperty { ParameterName = p.Key, ParameterValue = p.Value }).ToArray(),
                // ControlScope is untyped JSON in the L1: keys as CloudFormation spells them.
                ControlScope = scope,
            }).ToArray(),
        });
        // Controls evaluate AWS Config recordings; with a recorder of our own, start after it exists.
        if (Recorder is not null)
        {
            framework.Node.AddDependency(Recorder);
        }

        return framework;
    }
}
