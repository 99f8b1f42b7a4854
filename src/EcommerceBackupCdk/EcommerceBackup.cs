using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Posture;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.Rules;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;
using Constructs;

namespace EcommerceBackupCdk;

/// <summary>
/// The one-line facade: an alert topic, the locked primary vault, one backup plan per tier with tag selections
/// and copies to the DR vaults, the monitoring of the vault (alarms, job-event messages, dashboard), scheduled
/// restore drills with their validator and alarms, and the data-layer guard-rails with the coverage check on every
/// stateful resource of the app (<see cref="DataProtectionAspect"/>). Put it in the stack of the primary account and region; the DR vaults live in
/// <see cref="RecoveryVaultStack"/>s. Every part is also usable alone.
/// </summary>
/// <example>
/// <code>
/// new EcommerceBackup(stack, "Backup", new EcommerceBackupProps { StoreName = "acme" });
/// </code>
/// </example>
public sealed class EcommerceBackup : Construct
{
    /// <summary>Validates the props (all problems at once) and creates the backup system.</summary>
    public EcommerceBackup(Construct scope, string id, EcommerceBackupProps props)
        : base(scope, ValidatedId(scope, id, props))
    {
        var stack = Stack.Of(this);
        Props = props;
        // The posture report needs the tags CDK applies while synthesizing; this aspect tells it synthesis has run.
        Aspects.Of(this).Add(_synthesis);
        if (props.ControlTower.Strict)
        {
            // Read by every construct below (ControlTowerControls.IsStrict); set before the first child.
            Node.SetContext(ControlTowerOptions.StrictContextKey, true);
        }

        Topic = new BackupTopic(this, "Alerts", new BackupTopicProps
        {
            StoreName = props.StoreName,
            Emails = props.Notifications.Emails,
        });

        var dr = props.DisasterRecovery;
        Topology = BackupTopology.Of(props, stack);
        var copiesToAccount = Topology.CopiesTo(CopyDestination.DrAccount);
        var copiesToRegion = Topology.CopiesTo(CopyDestination.DrRegion);
        var copiesToAirGapped = Topology.CopiesTo(CopyDestination.AirGapped);

        Vault = new PrimaryBackupVault(this, "Vault", new PrimaryBackupVaultProps
        {
            Settings = Topology.VaultSettings(VaultRole.Primary, Topic.Topic),
            RecoveryAccounts = dr?.Account is { } drAccount ? [drAccount] : [],
        });

        // Where each DR vault lives, and its ARN, is the topology's (BackupTopology): copies name vaults in other
        // regions and accounts by ARN. The air-gapped vault lives in the DR account's region, like the DR-account vault.
        // Its ARN has the backup-vault form of every vault ARN (AirGappedVaultFacts.ArnResource cites it); copies reach
        // it (AirGappedVaultFacts.ReachedByCopy).
        DrRegionVaultArn = copiesToRegion ? Topology.Vault(VaultRole.DrRegion).Arn : null;
        DrAccountVaultArn = copiesToAccount ? Topology.Vault(VaultRole.DrAccount).Arn : null;
        AirGappedVaultArn = copiesToAirGapped ? Topology.Vault(VaultRole.AirGapped).Arn : null;
        if (copiesToAirGapped && dr!.AccountRegion is { } vaultRegion && !Token.IsUnresolved(stack.Region) && vaultRegion != stack.Region)
        {
            // Which Aurora clusters carry the tier tag is known only at run time, so this is a warning, not a refusal.
            Annotations.Of(this).AddWarningV2("ecommerce-backup:air-gapped-cross-region",
                $"The logically air-gapped vault is in {vaultRegion}, the primary stack in {stack.Region}: AWS does not copy backups of " +
                $"{string.Join(", ", AirGappedVaultFacts.NoCrossRegionCopy)} across Regions into a logically air-gapped vault, so the copy jobs of " +
                "any such database enrolled in a tier that copies there will fail (alarmed as failed copy jobs). Keep disasterRecovery.accountRegion " +
                "equal to the primary region, or acknowledge this warning if no such database is enrolled.");
        }

        Plans = new TieredBackupPlan(this, "Plans", new TieredBackupPlanProps
        {
            AirGappedVaultArn = AirGappedVaultArn,
            MalwareScan = props.MalwareScanning,
            ItemSearch = props.ItemSearch,
            StoreName = props.StoreName,
            Targets = props.Targets,
            Vault = Vault.Vault,
            DrRegionVaultArn = DrRegionVaultArn,
            DrAccountVaultArn = DrAccountVaultArn,
            ScheduleTimeZone = props.ScheduleTimeZone,
            GuardRails = props.Protection,
            // The audit's plan-frequency control is scoped by the tier tag, so each tier's plan carries it.
            TagPlansWithTier = props.Audit is not null,
        });

        if (props.S3BackupTiering is { } tiering)
        {
            // S3 backups kept beyond the tiering age in the primary vault move to the low-cost warm tier.
            var primary = Topology.Vault(VaultRole.Primary);
            var longest = primary.LongestRetention!.Value;
            if (longest > tiering)
            {
                S3Tiering = new S3BackupTiering(this, "S3Tiering", new S3BackupTieringProps
                {
                    VaultName = primary.Name,
                    After = tiering,
                    LongestRetention = longest,
                });
                S3Tiering.Node.AddDependency(Vault);
            }
        }

        OperatorRole = new BackupOperatorRole(this, "OperatorRole", new BackupOperatorRoleProps { StoreName = props.StoreName });

        WarningTopic = props.Monitoring.WarningEmails.Count > 0
            ? new BackupTopic(this, "Warnings", new BackupTopicProps
            {
                StoreName = props.StoreName,
                Purpose = "warnings",
                Emails = props.Monitoring.WarningEmails,
            })
            : null;

        Monitoring = new BackupMonitoring(this, "Monitoring", new BackupMonitoringProps
        {
            StoreName = props.StoreName,
            Vault = Vault.Vault,
            AlertTopic = Topic.Topic,
            WarningTopic = WarningTopic?.Topic,
            Targets = props.Targets,
            CopyDestinationVaultNames = Topology.Vaults.Where(v => v.Role != VaultRole.Primary).Select(v => v.Name).ToList(),
            Options = props.Monitoring,
        });

        if (props.TamperAlerts is { } tamper)
        {
            Tamper = new TamperAlerts(this, "Tamper", new TamperAlertsProps
            {
                StoreName = props.StoreName,
                Monitoring = Monitoring,
                VaultKeyArns = [Vault.Key.KeyId, Vault.Key.KeyArn],
                MinimumDbRetentionDays = props.Protection is { } guard
                    ? TierNames.All.Min(t => TierProtection.For(t, props.Targets, guard).PointInTimeRecoveryDays)
                    : 1,
                Options = tamper,
            });
        }

        if (props.MalwareScanning is not null)
        {
            MalwareFoundRule = MalwareScanEvents.AddRule(Monitoring, "MalwareFound", props.StoreName, Monitoring);
        }

        Drills = props.Drills.Enabled
            ? new RestoreDrill(this, "Drills", new RestoreDrillProps
            {
                StoreName = props.StoreName,
                Vault = Vault.Vault,
                Targets = props.Targets,
                AlarmTopic = Topic.Topic,
                Monitoring = Monitoring,
                Options = props.Drills,
            })
            : null;

        if (Drills is not null)
        {
            Monitoring.AddDrillWidgets([.. Drills.DashboardWidgets()]);
            Monitoring.AlarmOnFailedExecutions(Drills.Flow, "drills-flow");
        }

        if (Drills is not null && props.Recovery.Enabled)
        {
            Recovery = new StoreRecovery(this, "Recovery", new StoreRecoveryProps
            {
                StoreName = props.StoreName,
                Targets = props.Targets,
                ReportBucket = Drills.ReportBucket,
                Key = Drills.Key,
                ValidatorEnvironment = Drills.ValidatorEnvironment,
                DatabaseSecrets = [.. new[] { props.Drills.DatabaseSecret }.Concat(props.Drills.Resources.Select(r => r.DatabaseSecret)).OfType<Amazon.CDK.AWS.SecretsManager.ISecret>().Distinct()],
                Network = props.Drills.Network,
                Code = props.Drills.ValidatorCode,
                Options = props.Recovery,
                Monitoring = Monitoring,
            });
        }

        if (props.Protection is { } protection)
        {
            Protection = new DataProtectionAspect(new DataProtectionAspectProps
            {
                Targets = props.Targets,
                Options = protection,
                DrAccount = copiesToAccount ? dr!.Account : null,
            });
            IConstruct target = protection.WholeApp && Stage.Of(this) is { } stage ? stage : stack;
            Aspects.Of(target).Add(Protection);
        }


        if (props.Audit is { } audit)
        {
            Audit = new BackupAuditFramework(this, "Audit", new BackupAuditFrameworkProps
            {
                StoreName = props.StoreName,
                Targets = props.Targets,
                VaultLock = props.VaultLock,
                DrRegion = copiesToRegion ? dr!.Region : null,
                DrAccount = copiesToAccount ? dr!.Account : null,
                PrimaryVaultName = Topology.Vault(VaultRole.Primary).Name,
                DrillReportBucket = Drills?.ReportBucket,
                DrillReportKey = Drills?.Key,
                EvidenceIndexNetwork = props.ControlTower.Strict ? props.Drills.Network : null,
                Options = audit with
                {
                    // One Lambda package for both functions: the drill validator's.
                    EvidenceIndexCode = audit.EvidenceIndexCode ?? props.Drills.ValidatorCode ?? (Drills is not null ? DrillCode.Default() : null),
                },
            });
        }

        // Every EventBridge rule of the backup system (drills, evidence index, ...) gets a FailedInvocations alarm;
        // the monitoring's own job-event rules already have theirs.
        foreach (var rule in Node.FindAll().OfType<Amazon.CDK.AWS.Events.CfnRule>().Where(r => !r.Node.Path.StartsWith(Monitoring.Node.Path + "/", StringComparison.Ordinal)))
        {
            var relative = rule.Node.Path[(Node.Path.Length + 1)..].Split('/').Where(p => p != "Resource");
            Monitoring.AlarmOnFailedDelivery(rule, string.Join('-', relative).ToLowerInvariant());
        }

        // What the AWS services enforce at deploy and run time, checked on every stack of the app (Rules/).
        Aspects.Of(Stage.Of(this) is { } app ? app : stack).Add(new ServiceRules());
    }

    // Runs before the construct joins the tree, so invalid props leave nothing behind.
    private static string ValidatedId(Construct scope, string id, EcommerceBackupProps props)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(scope);
        var account = Token.IsUnresolved(stack.Account) ? null : stack.Account;
        var region = Token.IsUnresolved(stack.Region) ? null : stack.Region;
        var problems = PropsValidator.Validate(props, account, region);
        PropsValidator.ValidateControlTower(props, problems);
        problems.ThrowIfAny(nameof(EcommerceBackupProps));
        return id;
    }

    private readonly SynthesisMark _synthesis = new();

    /// <summary>Whether the app has been synthesized (the posture report refuses to run before).</summary>
    internal bool Synthesized => _synthesis.Seen;

    /// <summary>The role operators pass to AWS Backup for on-demand backups and restores.</summary>
    public BackupOperatorRole OperatorRole { get; }

    /// <summary>The validated props.</summary>
    public EcommerceBackupProps Props { get; }

    /// <summary>The alert topic.</summary>
    public BackupTopic Topic { get; }

    /// <summary>The warning topic, or null when <see cref="MonitoringOptions.WarningEmails"/> is empty (warnings then go to <see cref="Topic"/>).</summary>
    public BackupTopic? WarningTopic { get; }

    /// <summary>The monitoring of the primary vault: alarms, job-event rules, dashboard.</summary>
    public BackupMonitoring Monitoring { get; }

    /// <summary>The primary vault.</summary>
    public PrimaryBackupVault Vault { get; }

    /// <summary>The S3 backup tiering of the primary vault, or null when off or when nothing is kept beyond its age.</summary>
    public S3BackupTiering? S3Tiering { get; }

    /// <summary>The plans: one per tier, plus one per tier and resource family where the derived rules differ.</summary>
    public TieredBackupPlan Plans { get; }

    /// <summary>The audit evidence, or null when <see cref="EcommerceBackupProps.Audit"/> is not set.</summary>
    public BackupAuditFramework? Audit { get; }

    /// <summary>The restore drills, or null when <see cref="DrillOptions.Enabled"/> is false.</summary>
    public RestoreDrill? Drills { get; }

    /// <summary>Store recovery, or null when drills or <see cref="RecoveryOptions.Enabled"/> are off.</summary>
    public StoreRecovery? Recovery { get; }

    /// <summary>ARN of the DR-region vault copies go to, or null when no rule copies there.</summary>
    public string? DrRegionVaultArn { get; }

    /// <summary>ARN of the logically air-gapped vault copies go to, or null when no rule copies there.</summary>
    public string? AirGappedVaultArn { get; }

    /// <summary>The tamper alerts, or null when <see cref="EcommerceBackupProps.TamperAlerts"/> is not set.</summary>
    public TamperAlerts? Tamper { get; }

    /// <summary>The malware-found alert rule, or null when <see cref="EcommerceBackupProps.MalwareScanning"/> is not set.</summary>
    public Amazon.CDK.AWS.Events.Rule? MalwareFoundRule { get; }

    /// <summary>ARN of the DR-account vault copies go to, or null when no rule copies there.</summary>
    public string? DrAccountVaultArn { get; }

    /// <summary>The guard-rail aspect, or null when <see cref="EcommerceBackupProps.Protection"/> is null.</summary>
    public DataProtectionAspect? Protection { get; }

    /// <summary>
    /// The deployment computed once from the props and this stack's account, region and partition: copies, and per
    /// vault role its name, account, region, ARN, lock limits and the retentions written into it.
    /// </summary>
    public BackupTopology Topology { get; }

    /// <summary>
    /// What restore drills outside this facade cover (mark them with <see cref="DrillCoverage.Cover"/>). The facade's own
    /// <see cref="Drills"/> report what they cover themselves (<see cref="RestoreDrill.Coverage"/>); the posture report
    /// shows both.
    /// </summary>
    public DrillCoverage DrillCoverage { get; } = new();

    /// <summary>
    /// The posture report of this deployment. It reads the tags CDK applies during synthesis, so it needs a synthesized
    /// app: call it after <c>app.Synth()</c> (or <c>Template.FromStack</c>); before that it throws
    /// <see cref="InvalidOperationException"/> rather than report resources as unenrolled.
    /// </summary>
    public PostureReport Posture() => BackupPosture.Build(this);

    /// <summary>The plan of a tier.</summary>
    public IBackupPlan PlanFor(TierName tier) => Plans.Plans[tier];

    /// <summary>The vault settings of a vault role, derived from the props: the retentions written into it and the lock.</summary>
    /// <remarks>Kept for existing callers; the settings are the topology's (<see cref="BackupTopology.VaultSettings"/>).</remarks>
    public static BackupVaultSettings VaultSettings(EcommerceBackupProps props, VaultRole role, Amazon.CDK.AWS.SNS.ITopic? topic) =>
        BackupTopology.Of(props, null, null, null).VaultSettings(role, topic);
}
