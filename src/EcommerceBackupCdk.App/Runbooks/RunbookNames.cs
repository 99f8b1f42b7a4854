using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.App.Runbooks;

/// <summary>
/// The deployment's real names, keyed by the placeholders the runbook templates use (<c>{{primaryVault}}</c>).
/// Every physical name comes from <see cref="PhysicalNames"/>, the home the constructs take their names from, so a
/// runbook cannot name a vault that the templates do not create (a test checks each resource name against the
/// synthesized templates).
/// </summary>
internal static class RunbookNames
{
    /// <summary>Placeholders whose values are physical resource names that must appear in a synthesized template.</summary>
    public static readonly IReadOnlyList<string> ResourceNameKeys =
    [
        "primaryVault", "drRegionVault", "drAccountVault", "airGappedVault",
        "primaryVaultKeyAlias", "drRegionVaultKeyAlias", "drAccountVaultKeyAlias",
        "criticalPlan", "standardPlan", "archivePlan", "alertTopic", "restoreRole",
        "restoreTestingPlan", "validatorFunction", "validatorLogGroup", "dashboard",
        "auditFrameworkCritical", "auditTrail", "evidenceIndexFunction", "controlComplianceReportPlan",
        "storeRecovery",
    ];

    public static IReadOnlyDictionary<string, string> From(AppConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var b = config.Backup;
        var store = b.StoreName;
        var n = new PhysicalNames(store);
        var dr = b.DisasterRecovery;
        var topology = BackupTopology.Of(b, config.PrimaryAccount, config.PrimaryRegion, AwsRegions.Partition(config.PrimaryRegion));
        var drAccountRegion = topology.Vault(VaultRole.DrAccount).Region!;
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["store"] = store,
            ["primaryAccount"] = config.PrimaryAccount,
            ["primaryRegion"] = config.PrimaryRegion,
            ["drRegion"] = dr?.Region ?? "(no DR region configured)",
            ["drAccount"] = dr?.Account ?? "(no DR account configured)",
            ["drAccountRegion"] = drAccountRegion,
            ["primaryVault"] = n.Vault(VaultRole.Primary),
            ["drRegionVault"] = n.Vault(VaultRole.DrRegion),
            ["drAccountVault"] = n.Vault(VaultRole.DrAccount),
            ["airGappedVault"] = b.AirGappedVault is null ? "(no air-gapped vault: set ecommerceBackup.airGappedVault)" : n.Vault(VaultRole.AirGapped),
            ["primaryVaultArn"] = topology.Vault(VaultRole.Primary).Arn!,
            ["primaryVaultKeyAlias"] = $"alias/{n.VaultKeyAlias(VaultRole.Primary)}",
            ["drRegionVaultKeyAlias"] = $"alias/{n.VaultKeyAlias(VaultRole.DrRegion)}",
            ["drAccountVaultKeyAlias"] = $"alias/{n.VaultKeyAlias(VaultRole.DrAccount)}",
            ["alertTopic"] = n.AlertTopic,
            ["restoreRole"] = n.OperatorRole,
            ["restoreTestingPlan"] = n.RestoreTestingPlan,
            ["validatorFunction"] = n.ValidatorFunction,
            ["validatorLogGroup"] = PhysicalNames.FunctionLogGroup(n.ValidatorFunction),
            ["dashboard"] = n.Dashboard,
            ["storeRecovery"] = n.RecoveryStateMachine,
            ["storeRecoveryArn"] = $"arn:{AwsRegions.Partition(config.PrimaryRegion)}:states:{config.PrimaryRegion}:{config.PrimaryAccount}:stateMachine:{n.RecoveryStateMachine}",
            ["auditFrameworkCritical"] = Audit(b, n.AuditFramework(TierName.Critical)),
            ["auditTrail"] = Audit(b, n.AuditTrail),
            ["evidenceIndexFunction"] = Audit(b, n.EvidenceIndexFunction),
            ["controlComplianceReportPlan"] = Audit(b, n.ReportPlan("control_compliance")),
            ["tierTagKey"] = TagContract.TierKey,
            ["excludeTagKey"] = TagContract.ExcludeKey,
            ["lockMode"] = b.VaultLock.Mode.ToString().ToLowerInvariant(),
        };

        foreach (var (tier, targets) in b.Targets.Each())
        {
            var t = tier.TagValue();
            names[$"{t}Plan"] = n.Plan(tier);
            names[$"{t}Rpo"] = DurationText.Format(targets.Rpo);
            names[$"{t}Rto"] = DurationText.Format(targets.Rto);
            names[$"{t}ContinuousRetention"] = targets.Continuous is { } c ? DurationText.Format(c.Retention) : "no continuous backup";
        }

        var primary = topology.Vault(VaultRole.Primary);
        names["primaryLockMin"] = DurationText.Format(primary.LockMin);
        names["primaryLockMax"] = DurationText.Format(primary.LockMax);
        return names;
    }

    private static string Audit(EcommerceBackupProps props, string name) =>
        props.Audit is null ? "(audit is not enabled in this deployment: set ecommerceBackup.audit)" : name;
}
