using System.Globalization;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Topology;

/// <summary>
/// The one home of every physical name the backup system gives a resource, and of every alarm and rule name: vaults,
/// keys, plans, selections, topics, roles, restore testing plans, functions, log groups, queues, state machines,
/// schedules, frameworks, report plans, trails, dashboards, alarms and rules. Constructs, the app's stacks and the
/// runbooks take their names from here, so a name is built once per store (the posture report's plan names are still
/// built in Posture/BackupPosture.cs; that folder belongs to another change).
/// </summary>
/// <remarks>
/// <para>
/// Modelled on cdk-monitoring-constructs' <c>AlarmNamingStrategy</c> (lib/common/alarm/AlarmNamingStrategy.ts): a
/// global prefix (the store), the part that says what is watched, a disambiguator (tier, copy destination, resource
/// type), joined with '-' — and an override for names that must stay as they are.
/// </para>
/// <para>
/// Every name below is the name deployments already carry. A named resource is replaced when its name changes; for
/// alarms the CloudFormation reference says "If you specify a name, you cannot perform updates that require replacement
/// of this resource. ... If you must replace the resource, specify a new name."
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudwatch-alarm.html#cfn-cloudwatch-alarm-alarmname).
/// So the two alarm schemes that exist today both stay: <c>&lt;store&gt;-&lt;what&gt;-&lt;severity&gt;</c>
/// (<see cref="Alarm"/>) and, for the restore drill alarms, <c>&lt;store&gt;-drill-[&lt;type&gt;-]&lt;what&gt;</c>
/// (<see cref="DrillAlarm"/>), whose severity is not part of the name.
/// </para>
/// </remarks>
public sealed class PhysicalNames
{
    /// <summary>EventBridge rule names are at most 64 characters.</summary>
    public const int MaxRuleNameLength = 64;

    /// <summary>The names of one store.</summary>
    /// <param name="storeName">The store name, the prefix of every name (validated by the constructs that use it).</param>
    public PhysicalNames(string storeName)
    {
        ArgumentNullException.ThrowIfNull(storeName);
        Store = storeName;
    }

    /// <summary>The store name.</summary>
    public string Store { get; }

    // The store name where AWS allows no '-' (restore testing plans and selections, frameworks, report plans).
    private string Underscored => Store.Replace('-', '_');

    // ---- Vaults -------------------------------------------------------------------------------------------------

    /// <summary>The vault of a role, e.g. <c>acme-primary</c>, <c>acme-dr-region</c>, <c>acme-dr-account</c>, <c>acme-air-gapped</c>.</summary>
    public string Vault(VaultRole role) => role switch
    {
        VaultRole.Primary => $"{Store}-primary",
        VaultRole.DrRegion => $"{Store}-dr-region",
        VaultRole.DrAccount => $"{Store}-dr-account",
        VaultRole.AirGapped => $"{Store}-air-gapped",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown vault role."),
    };

    /// <summary>The alias of a vault's key without the <c>alias/</c> prefix, e.g. <c>acme-primary-vault</c>.</summary>
    public static string VaultKeyAlias(string vaultName) => $"{vaultName}-vault";

    /// <summary>The alias of a vault role's key without the <c>alias/</c> prefix, e.g. <c>acme-primary-vault</c>.</summary>
    public string VaultKeyAlias(VaultRole role) => VaultKeyAlias(Vault(role));

    /// <summary>The AWS RAM share of the logically air-gapped vault, e.g. <c>acme-air-gapped-recovery</c>.</summary>
    public string AirGappedVaultShare => $"{Vault(VaultRole.AirGapped)}-recovery";

    // ---- Plans --------------------------------------------------------------------------------------------------

    /// <summary>
    /// The backup plan of a tier, e.g. <c>acme-critical</c>, or of a tier and a resource family that gets its own
    /// rules, e.g. <c>acme-critical-dynamodb</c>.
    /// </summary>
    public string Plan(TierName tier, ResourceFamily? family = null) =>
        family is { } f ? $"{Store}-{tier.TagValue()}-{f.Slug()}" : $"{Store}-{tier.TagValue()}";

    /// <summary>The tag selection of a plan, e.g. <c>acme-critical-by-tag</c>.</summary>
    public string Selection(TierName tier, ResourceFamily? family = null) => $"{Plan(tier, family)}-by-tag";

    /// <summary>The role operators pass to AWS Backup, e.g. <c>acme-backup-operator</c>.</summary>
    public string OperatorRole => $"{Store}-backup-operator";

    // ---- Topics and monitoring ----------------------------------------------------------------------------------

    /// <summary>A notification topic (and its key's alias), e.g. <c>acme-backup-alerts</c>, <c>acme-backup-warnings</c>.</summary>
    public string Topic(string purpose) => $"{Store}-backup-{purpose}";

    /// <summary>The alert topic, <c>acme-backup-alerts</c>.</summary>
    public string AlertTopic => Topic(AlertsPurpose);

    /// <summary>The purpose of the alert topic (<see cref="Topic"/>).</summary>
    public const string AlertsPurpose = "alerts";

    /// <summary>The dashboard, e.g. <c>acme-backup</c>.</summary>
    public string Dashboard => $"{Store}-backup";

    /// <summary>
    /// The <c>what</c> part of an alarm or rule name: the kind, prefixed by the label of a recovery vault's monitoring
    /// (e.g. <c>dr-region</c>) and suffixed by a disambiguator such as the tier (<c>critical-tier</c>) or the copy
    /// destination (<c>to-dr-region</c>).
    /// </summary>
    public static string What(string kind, string? label = null, string? qualifier = null) =>
        string.Join('-', new[] { label, kind, qualifier }.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>
    /// An alarm or rule name of the monitoring scheme <c>&lt;store&gt;-&lt;what&gt;-&lt;severity&gt;</c>, e.g.
    /// <c>acme-backup-jobs-failed-critical</c>, <c>acme-missing-backups-critical-tier-critical</c>,
    /// <c>acme-store-recovery-rto-breached-critical</c>. <paramref name="what"/> comes from <see cref="What"/>.
    /// </summary>
    public string Alarm(string what, AlarmSeverity severity) => $"{Store}-{what}-{SeverityText(severity)}";

    /// <summary>
    /// A restore drill alarm name, scheme <c>&lt;store&gt;-drill-[&lt;resource type&gt;-]&lt;what&gt;</c>, e.g.
    /// <c>acme-drill-dynamodb-failed</c>, <c>acme-drill-no-report</c>, <c>acme-drill-validator-dead-letters</c>. The
    /// drill alarms were created with these names before they joined the monitoring; they keep them (a new name would
    /// replace each alarm, see the remarks), so their severity re-ranks the topic, not the name.
    /// </summary>
    /// <param name="kind">One of the drill kinds of <see cref="AlarmKinds"/> (they start with <c>drill-</c>).</param>
    /// <param name="type">The resource type of a per-type alarm; null for the drill-wide ones.</param>
    public string DrillAlarm(string kind, DrillResourceType? type = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        const string prefix = "drill-";
        if (!kind.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{kind}' is not a drill alarm kind (they start with '{prefix}').", nameof(kind));
        }

        var what = kind[prefix.Length..];
        return type is { } t ? $"{Store}-drill-{t.ProtectedResourceType().ToLowerInvariant()}-{what}" : $"{Store}-drill-{what}";
    }

    /// <summary>The lower-case severity as used in names and config, e.g. <c>critical</c>.</summary>
    public static string SeverityText(AlarmSeverity severity) => severity.ToString().ToLower(CultureInfo.InvariantCulture);

    // ---- Restore drills -----------------------------------------------------------------------------------------

    /// <summary>The restore testing plan, e.g. <c>acme_restore_drills</c> (AWS allows only letters, digits and '_').</summary>
    public string RestoreTestingPlan => $"{Underscored}_restore_drills";

    /// <summary>A restore testing selection, e.g. <c>acme_critical_dynamodb</c>.</summary>
    public string RestoreTestingSelection(TierName tier, DrillResourceType type) =>
        $"{Underscored}_{tier.TagValue()}_{type.ProtectedResourceType().ToLowerInvariant()}";

    /// <summary>The alias of the drill key without the <c>alias/</c> prefix, e.g. <c>acme-restore-drills</c>.</summary>
    public string DrillKeyAlias => $"{Store}-restore-drills";

    /// <summary>The validator function, e.g. <c>acme-restore-drill-validator</c>.</summary>
    public string ValidatorFunction => $"{Store}-restore-drill-validator";

    /// <summary>The validator's dead-letter queue, e.g. <c>acme-restore-drill-dead-letters</c>.</summary>
    public string DrillDeadLetterQueue => $"{Store}-restore-drill-dead-letters";

    /// <summary>The drill flow state machine, e.g. <c>acme-restore-drill-flow</c>.</summary>
    public string DrillFlow => $"{Store}-restore-drill-flow";

    // ---- Store recovery -----------------------------------------------------------------------------------------

    /// <summary>The store recovery state machine, e.g. <c>acme-store-recovery</c>.</summary>
    public string RecoveryStateMachine => $"{Store}-store-recovery";

    /// <summary>The function running store recovery's steps, e.g. <c>acme-store-recovery-steps</c>.</summary>
    public string RecoveryFunction => $"{Store}-store-recovery-steps";

    /// <summary>The quarterly drill-mode schedule of store recovery, e.g. <c>acme-store-recovery-drill</c>.</summary>
    public string RecoverySchedule => $"{Store}-store-recovery-drill";

    // ---- Audit --------------------------------------------------------------------------------------------------

    /// <summary>The alias of the evidence key without the <c>alias/</c> prefix, e.g. <c>acme-backup-evidence</c>.</summary>
    public string EvidenceKeyAlias => $"{Store}-backup-evidence";

    /// <summary>The CloudTrail trail, e.g. <c>acme-backup-audit</c>.</summary>
    public string AuditTrail => $"{Store}-backup-audit";

    /// <summary>The evidence index function, e.g. <c>acme-backup-evidence-index</c>.</summary>
    public string EvidenceIndexFunction => $"{Store}-backup-evidence-index";

    /// <summary>The Backup Audit Manager framework of a tier, e.g. <c>acme_backup_critical</c>.</summary>
    public string AuditFramework(TierName tier) => $"{Underscored}_backup_{tier.TagValue()}";

    /// <summary>The framework of the vault controls, e.g. <c>acme_backup_vaults</c>.</summary>
    public string VaultAuditFramework => $"{Underscored}_backup_vaults";

    /// <summary>A report plan, e.g. <c>acme_backup_control_compliance</c> for <paramref name="report"/> <c>control_compliance</c>.</summary>
    public string ReportPlan(string report) => $"{Underscored}_backup_{report}";

    // ---- Stacks of the app and the demo store -----------------------------------------------------------------------

    /// <summary>The CloudFormation stack of the primary account and region, e.g. <c>acme-backup-primary</c>.</summary>
    public string PrimaryStack => $"{Store}-backup-primary";

    /// <summary>The stack of a recovery vault, e.g. <c>acme-backup-dr-region</c>, <c>acme-backup-dr-account</c>.</summary>
    public string RecoveryVaultStack(VaultRole role) => role switch
    {
        VaultRole.DrRegion => $"{Store}-backup-dr-region",
        VaultRole.DrAccount => $"{Store}-backup-dr-account",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Only the DR-region and DR-account vaults have their own stack."),
    };

    /// <summary>The demo store's stack, e.g. <c>acme-demo-store</c>.</summary>
    public string DemoStoreStack => $"{Store}-demo-store";

    /// <summary>The alias of the demo store's data key without the <c>alias/</c> prefix, e.g. <c>acme-demo-store-data</c>.</summary>
    public string DemoStoreKeyAlias => $"{Store}-demo-store-data";

    /// <summary>The demo store's DB subnet group drills restore databases into, e.g. <c>acme-drill-restores</c>.</summary>
    public string DrillSubnetGroup => $"{Store}-drill-restores";

    // ---- Log groups ---------------------------------------------------------------------------------------------

    /// <summary>The log group Lambda writes a function's logs to: <c>/aws/lambda/&lt;function&gt;</c>.</summary>
    public static string FunctionLogGroup(string functionName) => $"/aws/lambda/{functionName}";

    /// <summary>The log group of a state machine: <c>/aws/vendedlogs/states/&lt;state machine&gt;</c>.</summary>
    public static string StateMachineLogGroup(string stateMachineName) => $"/aws/vendedlogs/states/{stateMachineName}";
}
