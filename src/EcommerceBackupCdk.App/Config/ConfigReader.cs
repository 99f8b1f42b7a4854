using System.Text.Json;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// Reads the <c>ecommerceBackup</c> config (cdk.json context) into <see cref="AppConfig"/>, reporting every problem at
/// once, each naming the key, the value and what is allowed: first what the config readers find (one reader per
/// section; a key no reader asks for is unknown), then every rule of the library
/// (<see cref="PropsValidator.Validate"/>), except for keys already reported (a value of the wrong type, replaced by
/// its default, is not reported again). Tier settings are merged over <see cref="TierDefaults"/>: only what the config
/// names changes.
/// </summary>
internal static class ConfigReader
{
    public const string ContextKey = "ecommerceBackup";

    public static AppConfig Read(string json)
    {
        var problems = new ValidationProblems();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new BackupConfigurationException(ContextKey, [$"{ContextKey}: is not valid JSON ({e.Message})"]);
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(ContextKey, "must be an object", doc.RootElement.ValueKind.ToString(), "a JSON object");
                problems.ThrowIfAny(ContextKey);
            }

            // The sections are read in the order their keys are listed when a key is unknown.
            var root = ConfigSection.Root(doc.RootElement, problems);
            var storeName = root.String("storeName", required: true) ?? string.Empty;
            var primary = root.Section("primary", required: true);
            var account = primary?.String("account", required: true);
            var region = primary?.String("region", required: true);
            var disasterRecovery = VaultsSection.ReadDisasterRecovery(root);
            var notifications = MonitoringSection.ReadNotifications(root);
            var scheduleTimeZone = root.String("scheduleTimeZone") ?? "Etc/UTC";
            var vaultLock = VaultsSection.ReadVaultLock(root);
            var targets = TargetsSection.Read(root);
            var monitoring = MonitoringSection.Read(root);
            var (drills, drillConfig) = DrillsSection.Read(root);
            var protection = ProtectionSection.Read(root);
            var demoStore = DemoStoreSection.Read(root);
            var audit = ComplianceSection.ReadAudit(root);
            var controlTower = ComplianceSection.ReadControlTower(root);
            var (recovery, recoveryConfig) = RecoverySection.Read(root, drills);
            var airGapped = ResilienceSection.ReadAirGappedVault(root);
            var malwareScanning = ResilienceSection.ReadMalwareScanning(root);
            var itemSearch = ResilienceSection.ReadItemSearch(root);
            var tamperAlerts = ResilienceSection.ReadTamperAlerts(root);
            root.ReportUnknownKeys();

            var backup = new EcommerceBackupProps
            {
                AirGappedVault = airGapped,
                MalwareScanning = malwareScanning,
                ItemSearch = itemSearch,
                TamperAlerts = tamperAlerts,
                Drills = drills,
                Recovery = recovery,
                Protection = protection,
                StoreName = storeName,

                // The air-gapped copy replaces the critical tier's DR-account copy (same rule and retention).
                Targets = airGapped is null ? targets : targets.WithAirGappedCopies(),
                DisasterRecovery = disasterRecovery,
                Notifications = notifications,
                VaultLock = vaultLock,
                ScheduleTimeZone = scheduleTimeZone,
                Audit = audit,
                Monitoring = monitoring,
                ControlTower = controlTower,
            };

            // The library's rules, primary account and region included; a key already reported is not reported again.
            problems.AddUnlessNamed(PropsValidator.Validate(backup, account, region));

            // drills.network is read into DrillConfig and becomes DrillOptions.Network in the primary stack.
            if (drillConfig.Network is null)
            {
                PropsValidator.ValidateControlTower(backup, problems);
            }

            problems.ThrowIfAny($"cdk.json context '{ContextKey}'");
            return new AppConfig { PrimaryAccount = account!, PrimaryRegion = region!, Backup = backup, Drills = drillConfig, Recovery = recoveryConfig, DemoStore = demoStore };
        }
    }
}
