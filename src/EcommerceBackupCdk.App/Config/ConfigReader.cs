using System.Text.Json;
using System.Text.RegularExpressions;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// Reads the <c>ecommerceBackup</c> config (cdk.json context) into <see cref="AppConfig"/>. It walks the JSON itself
/// so that every problem — unknown keys, wrong types, bad values, and then every rule of
/// <see cref="PropsValidator"/> — is reported at once, each naming the key, the value and what is allowed.
/// Tier settings are merged over <see cref="TierDefaults"/>: only what the config names changes.
/// </summary>
internal static partial class ConfigReader
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
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(ContextKey, "must be an object", root.ValueKind.ToString(), "a JSON object");
                problems.ThrowIfAny(ContextKey);
            }

            var r = new Reader(problems);
            r.Keys(root, "", "storeName", "primary", "disasterRecovery", "notifications", "scheduleTimeZone", "vaultLock", "targets", "monitoring", "drills", "protection", "demoStore", "audit", "controlTower", "recovery",
                "airGappedVault", "malwareScanning", "itemSearch", "tamperAlerts");

            var storeName = r.String(root, "storeName", required: true) ?? string.Empty;
            var primary = r.Object(root, "primary", required: true);
            string? account = null, region = null;
            if (primary is { } p)
            {
                r.Keys(p, "primary", "account", "region");
                account = r.String(p, "primary.account", required: true);
                region = r.String(p, "primary.region", required: true);
            }

            DisasterRecoveryOptions? dr = null;
            if (r.Object(root, "disasterRecovery") is { } d)
            {
                r.Keys(d, "disasterRecovery", "region", "account", "accountRegion", "organizationId");
                dr = new DisasterRecoveryOptions
                {
                    Region = r.String(d, "disasterRecovery.region"),
                    Account = r.String(d, "disasterRecovery.account"),
                    AccountRegion = r.String(d, "disasterRecovery.accountRegion"),
                    OrganizationId = r.String(d, "disasterRecovery.organizationId"),
                };
            }

            var notifications = new NotificationOptions();
            if (r.Object(root, "notifications") is { } n)
            {
                r.Keys(n, "notifications", "emails", "vaultEvents");
                notifications = new NotificationOptions
                {
                    Emails = r.Strings(n, "notifications.emails") ?? [],
                    VaultEvents = r.Strings(n, "notifications.vaultEvents") ?? VaultEvents.Default,
                };
            }

            var vaultLock = new VaultLockOptions();
            if (r.Object(root, "vaultLock") is { } l)
            {
                r.Keys(l, "vaultLock", "mode", "acknowledgeComplianceModeIsIrreversible", "changeableFor", "minRetention", "maxRetention");
                var mode = r.String(l, "vaultLock.mode");
                VaultLockMode parsedMode = VaultLockMode.Governance;
                if (mode is not null && !Enum.TryParse(mode, ignoreCase: true, out parsedMode))
                {
                    problems.Add("vaultLock.mode", "is not a vault lock mode", mode, "'governance' or 'compliance'");
                }

                vaultLock = new VaultLockOptions
                {
                    Mode = parsedMode,
                    AcknowledgeComplianceModeIsIrreversible = r.Bool(l, "vaultLock.acknowledgeComplianceModeIsIrreversible") ?? false,
                    ChangeableFor = r.Duration(l, "vaultLock.changeableFor"),
                    MinRetention = r.Duration(l, "vaultLock.minRetention"),
                    MaxRetention = r.Duration(l, "vaultLock.maxRetention"),
                };
            }

            var targets = BackupTargets.Defaults;
            if (r.Object(root, "targets") is { } t)
            {
                r.Keys(t, "targets", TierNames.All.Select(x => x.TagValue()).ToArray());
                foreach (var tier in TierNames.All)
                {
                    if (r.Object(t, $"targets.{tier.TagValue()}") is { } tierElement)
                    {
                        targets = targets.With(tier, ReadTier(r, tierElement, tier, targets[tier]));
                    }
                }
            }

            AuditOptions? audit = null;
            if (r.Object(root, "audit") is { } a)
            {
                r.Keys(a, "audit", "evidenceRetention", "accessLogRetention", "breakGlassPrincipals", "createConfigRecorder", "createReportsServiceLinkedRole");
                var defaults = new AuditOptions();
                audit = new AuditOptions
                {
                    EvidenceRetention = r.Duration(a, "audit.evidenceRetention") ?? defaults.EvidenceRetention,
                    AccessLogRetention = r.Duration(a, "audit.accessLogRetention") ?? defaults.AccessLogRetention,
                    BreakGlassPrincipals = r.Strings(a, "audit.breakGlassPrincipals") ?? [],
                    CreateConfigRecorder = r.Bool(a, "audit.createConfigRecorder") ?? false,
                    CreateReportsServiceLinkedRole = r.Bool(a, "audit.createReportsServiceLinkedRole") ?? defaults.CreateReportsServiceLinkedRole,
                };
            }
            var monitoring = new MonitoringOptions();
            if (r.Object(root, "monitoring") is { } m)
            {
                monitoring = ReadMonitoring(r, m);
            }

            var (drills, drillConfig) = r.Object(root, "drills") is { } de ? ReadDrills(r, de) : (new DrillOptions(), new DrillConfig());
            var protection = ReadProtection(r, root);
            var demoStore = ReadDemoStore(r, root);
            var (recovery, recoveryConfig) = ReadRecovery(r, root, drills);
            var controlTower = new ControlTowerOptions();
            if (r.Object(root, "controlTower") is { } ct)
            {
                r.Keys(ct, "controlTower", "strict");
                controlTower = new ControlTowerOptions { Strict = r.Bool(ct, "controlTower.strict") ?? false };
            }

            var (airGapped, malware, itemSearch, tamper) = ReadResilience(r, root);
            if (airGapped is not null)
            {
                // The air-gapped copy replaces the critical tier's DR-account copy (same rule and retention).
                targets = targets.WithAirGappedCopies();
            }

            var backup = new EcommerceBackupProps
            {
                AirGappedVault = airGapped,
                MalwareScanning = malware,
                ItemSearch = itemSearch,
                TamperAlerts = tamper,
                Drills = drills,
                Recovery = recovery,
                Protection = protection,
                StoreName = storeName,
                Targets = targets,
                DisasterRecovery = dr,
                Notifications = notifications,
                VaultLock = vaultLock,
                ScheduleTimeZone = r.String(root, "scheduleTimeZone") ?? "Etc/UTC",
                Audit = audit,
                Monitoring = monitoring,
                ControlTower = controlTower,
            };

            if (region is not null && !AwsRegions.IsKnown(region))
            {
                problems.Add("primary.region", "is not an AWS region", region, "a region name such as 'eu-central-1'");
            }

            if (account is not null && !PropsValidator.IsAccountId(account))
            {
                problems.Add("primary.account", "is not an AWS account id", account, "12 digits");
            }

            // A key the reader already reported (wrong type, bad duration) is not reported again by the props rules.
            var reported = problems.All.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
            foreach (var problem in PropsValidator.Validate(backup, PropsValidator.IsAccountId(account) ? account : null, AwsRegions.IsKnown(region) ? region : null).All)
            {
                if (!reported.Contains(problem[..problem.IndexOf(':', StringComparison.Ordinal)]))
                {
                    problems.AddRaw(problem);
                }
            }

            // drills.network is read into DrillConfig and becomes DrillOptions.Network in the primary stack.
            if (drillConfig.Network is null)
            {
                PropsValidator.ValidateControlTower(backup, problems);
            }

            problems.ThrowIfAny($"cdk.json context '{ContextKey}'");
            return new AppConfig { PrimaryAccount = account!, PrimaryRegion = region!, Backup = backup, Drills = drillConfig, Recovery = recoveryConfig, DemoStore = demoStore };
        }
    }

    private static (AirGappedVaultOptions?, MalwareScanOptions?, ItemSearchOptions?, TamperAlertOptions?) ReadResilience(Reader r, JsonElement root)
    {
        AirGappedVaultOptions? airGapped = null;
        if (r.Object(root, "airGappedVault") is { } a)
        {
            r.Keys(a, "airGappedVault", "enabled", "mpaApprovalTeamArn", "shareWithAccounts", "encryptionKeyArn");
            if (r.Bool(a, "airGappedVault.enabled") != false)
            {
                airGapped = new AirGappedVaultOptions
                {
                    MpaApprovalTeamArn = r.String(a, "airGappedVault.mpaApprovalTeamArn"),
                    ShareWithAccounts = r.Strings(a, "airGappedVault.shareWithAccounts") ?? [],
                    EncryptionKeyArn = r.String(a, "airGappedVault.encryptionKeyArn"),
                };
            }
        }

        MalwareScanOptions? malware = null;
        if (r.Object(root, "malwareScanning") is { } m)
        {
            r.Keys(m, "malwareScanning", "enabled", "tiers", "scanMode");
            var defaults = new MalwareScanOptions();
            var mode = r.String(m, "malwareScanning.scanMode");
            var parsed = defaults.ScanMode;
            if (mode is not null && !(mode is "incremental" or "full" && Enum.TryParse(mode, ignoreCase: true, out parsed)))
            {
                r.Problems.Add("malwareScanning.scanMode", "is not a scan mode", mode, "'incremental' or 'full'");
            }

            malware = r.Bool(m, "malwareScanning.enabled") == false ? null : defaults with
            {
                Tiers = TierList(r, m, "malwareScanning.tiers") ?? defaults.Tiers,
                ScanMode = parsed,
            };
        }

        ItemSearchOptions? search = null;
        if (r.Object(root, "itemSearch") is { } i)
        {
            r.Keys(i, "itemSearch", "enabled", "tiers");
            var defaults = new ItemSearchOptions();
            search = r.Bool(i, "itemSearch.enabled") == false ? null : defaults with { Tiers = TierList(r, i, "itemSearch.tiers") ?? defaults.Tiers };
        }

        TamperAlertOptions? tamper = null;
        if (r.Object(root, "tamperAlerts") is { } t)
        {
            r.Keys(t, "tamperAlerts", "enabled", "includeDeniedAttempts");
            tamper = r.Bool(t, "tamperAlerts.enabled") == false ? null : new TamperAlertOptions
            {
                IncludeDeniedAttempts = r.Bool(t, "tamperAlerts.includeDeniedAttempts") ?? true,
            };
        }

        return (airGapped, malware, search, tamper);
    }

    private static List<TierName>? TierList(Reader r, JsonElement parent, string key)
    {
        if (r.Strings(parent, key) is not { } names)
        {
            return null;
        }

        var tiers = new List<TierName>();
        foreach (var name in names)
        {
            if (TierNames.TryParse(name, out var tier))
            {
                tiers.Add(tier);
            }
            else
            {
                r.Problems.Add(key, "is not a tier", name, TierNames.Allowed);
            }
        }

        return tiers;
    }

    private static (DrillOptions Options, DrillConfig Config) ReadDrills(Reader r, JsonElement e)
    {
        const string key = "drills";
        r.Keys(e, key, "enabled", "schedule", "timeZone", "startWindow", "selectionWindowDays", "validationWindow", "tiers", "resourceTypes",
            "rdsInstanceClass", "dbSubnetGroupName", "dbSecurityGroupIds", "freshnessAttribute", "maxDataFreshness", "sqlPreset", "sqlCustomQuery",
            "sqlTablePrefix", "sqlDatabase", "databaseSecretArn", "minimumRecordCount", "reportRetention", "network", "resources", "reservedConcurrency");
        var defaults = new DrillOptions();
        var options = defaults with
        {
            Enabled = r.Bool(e, $"{key}.enabled") ?? defaults.Enabled,
            Schedule = r.String(e, $"{key}.schedule") ?? defaults.Schedule,
            TimeZone = r.String(e, $"{key}.timeZone") ?? defaults.TimeZone,
            StartWindow = r.Duration(e, $"{key}.startWindow") ?? defaults.StartWindow,
            SelectionWindowDays = r.Int(e, $"{key}.selectionWindowDays") ?? defaults.SelectionWindowDays,
            ValidationWindow = r.Duration(e, $"{key}.validationWindow") ?? defaults.ValidationWindow,
            RdsInstanceClass = r.String(e, $"{key}.rdsInstanceClass") ?? defaults.RdsInstanceClass,
            DbSubnetGroupName = r.String(e, $"{key}.dbSubnetGroupName"),
            ReservedConcurrency = r.Int(e, $"{key}.reservedConcurrency"),
            DbSecurityGroupIds = r.Strings(e, $"{key}.dbSecurityGroupIds") ?? defaults.DbSecurityGroupIds,
            FreshnessAttribute = r.String(e, $"{key}.freshnessAttribute") ?? defaults.FreshnessAttribute,
            MaxDataFreshness = r.Duration(e, $"{key}.maxDataFreshness"),
            SqlPreset = r.String(e, $"{key}.sqlPreset") ?? defaults.SqlPreset,
            SqlCustomQuery = r.String(e, $"{key}.sqlCustomQuery"),
            SqlTablePrefix = r.String(e, $"{key}.sqlTablePrefix"),
            SqlDatabase = r.String(e, $"{key}.sqlDatabase"),
            MinimumRecordCount = r.Int(e, $"{key}.minimumRecordCount") ?? defaults.MinimumRecordCount,
            ReportRetention = r.Duration(e, $"{key}.reportRetention") ?? defaults.ReportRetention,
        };

        if (r.Strings(e, $"{key}.tiers") is { } tierNames)
        {
            var tiers = new List<TierName>();
            foreach (var name in tierNames)
            {
                if (TierNames.TryParse(name, out var tier))
                {
                    tiers.Add(tier);
                }
                else
                {
                    r.Problems.Add($"{key}.tiers", "is not a tier", name, TierNames.Allowed);
                }
            }

            options = options with { Tiers = tiers };
        }

        if (r.Strings(e, $"{key}.resourceTypes") is { } typeNames)
        {
            var types = new List<DrillResourceType>();
            foreach (var name in typeNames)
            {
                if (DrillResourceTypes.TryParse(name, out var type))
                {
                    types.Add(type);
                }
                else
                {
                    r.Problems.Add($"{key}.resourceTypes", "is not a resource type restore drills support", name, DrillResourceTypes.Allowed);
                }
            }

            options = options with { ResourceTypes = types };
        }

        var secretArn = r.String(e, $"{key}.databaseSecretArn");
        CheckSecretArn(r, $"{key}.databaseSecretArn", secretArn);
        var resourceSecrets = new Dictionary<int, string>();
        if (e.TryGetProperty("resources", out var resources) && resources.ValueKind != JsonValueKind.Null)
        {
            if (resources.ValueKind != JsonValueKind.Array)
            {
                r.Problems.Add($"{key}.resources", "must be an array", resources.ValueKind.ToString(), "a list of {sourceArn, tier, freshnessAttribute, sqlPreset, ...}");
            }
            else
            {
                var list = new List<DrillResourceSettings>();
                var i = 0;
                foreach (var item in resources.EnumerateArray())
                {
                    var itemKey = $"{key}.resources[{i}]";
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        r.Problems.Add(itemKey, "must be an object", item.ValueKind.ToString(), "{sourceArn, tier, freshnessAttribute, sqlPreset, ...}");
                        i++;
                        continue;
                    }

                    r.Keys(item, itemKey, "sourceArn", "tier", "freshnessAttribute", "sqlPreset", "sqlCustomQuery", "sqlTablePrefix", "sqlDatabase", "secretArn", "minimumRecordCount");
                    TierName? tier = null;
                    if (r.String(item, $"{itemKey}.tier") is { } tierName)
                    {
                        if (TierNames.TryParse(tierName, out var parsedTier))
                        {
                            tier = parsedTier;
                        }
                        else
                        {
                            r.Problems.Add($"{itemKey}.tier", "is not a tier", tierName, TierNames.Allowed);
                        }
                    }

                    if (r.String(item, $"{itemKey}.secretArn") is { } itemSecret)
                    {
                        CheckSecretArn(r, $"{itemKey}.secretArn", itemSecret);
                        resourceSecrets[i] = itemSecret;
                    }

                    list.Add(new DrillResourceSettings
                    {
                        SourceArn = r.String(item, $"{itemKey}.sourceArn", required: true) ?? string.Empty,
                        Tier = tier,
                        FreshnessAttribute = r.String(item, $"{itemKey}.freshnessAttribute"),
                        SqlPreset = r.String(item, $"{itemKey}.sqlPreset"),
                        SqlCustomQuery = r.String(item, $"{itemKey}.sqlCustomQuery"),
                        SqlTablePrefix = r.String(item, $"{itemKey}.sqlTablePrefix"),
                        SqlDatabase = r.String(item, $"{itemKey}.sqlDatabase"),
                        MinimumRecordCount = r.Int(item, $"{itemKey}.minimumRecordCount"),
                    });
                    i++;
                }

                options = options with { Resources = list };
            }
        }

        DrillNetworkConfig? network = null;
        if (r.Object(e, $"{key}.network") is { } n)
        {
            r.Keys(n, $"{key}.network", "vpcId", "subnetIds", "securityGroupIds");
            var vpcId = r.String(n, $"{key}.network.vpcId", required: true);
            if (vpcId is not null && !VpcIdPattern().IsMatch(vpcId))
            {
                r.Problems.Add($"{key}.network.vpcId", "is not a VPC id", vpcId, "'vpc-' followed by 8 or 17 hexadecimal digits");
            }

            var subnets = r.Strings(n, $"{key}.network.subnetIds") ?? [];
            if (subnets.Count == 0)
            {
                r.Problems.Add($"{key}.network.subnetIds", "names no subnet", null, "one or more private subnet ids, e.g. 'subnet-0123456789abcdef0'");
            }

            foreach (var subnet in subnets.Where(s => !SubnetIdPattern().IsMatch(s)))
            {
                r.Problems.Add($"{key}.network.subnetIds", "is not a subnet id", subnet, "'subnet-' followed by 8 or 17 hexadecimal digits");
            }

            var groups = r.Strings(n, $"{key}.network.securityGroupIds") ?? [];
            foreach (var group in groups.Where(g => !SecurityGroupIdPattern().IsMatch(g)))
            {
                r.Problems.Add($"{key}.network.securityGroupIds", "is not a security group id", group, "'sg-' followed by 8 or 17 hexadecimal digits");
            }

            network = new DrillNetworkConfig { VpcId = vpcId ?? string.Empty, SubnetIds = subnets, SecurityGroupIds = groups };
        }

        RefuseWhileDisabled(r, e, key, options.Enabled);
        RefuseForTypesNotDrilled(r, e, options);
        return (options, new DrillConfig { DatabaseSecretArn = secretArn, ResourceSecretArns = resourceSecrets, Network = network });
    }

    private static void CheckSecretArn(Reader r, string key, string? arn)
    {
        if (arn is not null && !SecretArnPattern().IsMatch(arn))
        {
            r.Problems.Add(key, "is not the complete ARN of a Secrets Manager secret", arn,
                "arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 characters>");
        }
    }

    [GeneratedRegex(@"^arn:[a-z-]+:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+-[A-Za-z0-9]{6}$")]
    private static partial Regex SecretArnPattern();

    [GeneratedRegex("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex VpcIdPattern();

    [GeneratedRegex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SubnetIdPattern();

    [GeneratedRegex("^sg-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SecurityGroupIdPattern();

    private static MonitoringOptions ReadMonitoring(Reader r, JsonElement m)
    {
        r.Keys(m, "monitoring", "warningEmails", "severities", "missingBackupsAfter", "slowJobsAfter", "slowCopyAfter", "skipTiers", "dashboard");
        var defaults = new MonitoringOptions();
        var severities = new Dictionary<string, AlarmSeverity>();
        if (r.Object(m, "monitoring.severities") is { } s)
        {
            foreach (var prop in s.EnumerateObject())
            {
                var key = $"monitoring.severities.{prop.Name}";
                if (!AlarmKinds.All.Contains(prop.Name, StringComparer.Ordinal))
                {
                    r.Problems.Add(key, "is not an alarm or rule kind", prop.Name, string.Join(", ", AlarmKinds.All));
                }
                else if (prop.Value.ValueKind != JsonValueKind.String || !Enum.TryParse<AlarmSeverity>(prop.Value.GetString(), ignoreCase: true, out var severity)
                    || prop.Value.GetString()!.Any(char.IsUpper))
                {
                    r.Problems.Add(key, "is not a severity", prop.Value.ToString(), "'critical' or 'warning'");
                }
                else
                {
                    severities[prop.Name] = severity;
                }
            }
        }

        var skip = new List<TierName>();
        foreach (var name in r.Strings(m, "monitoring.skipTiers") ?? [])
        {
            if (TierNames.TryParse(name, out var tier))
            {
                skip.Add(tier);
            }
            else
            {
                r.Problems.Add("monitoring.skipTiers", "is not a tier", name, TierNames.Allowed);
            }
        }

        return new MonitoringOptions
        {
            WarningEmails = r.Strings(m, "monitoring.warningEmails") ?? [],
            Severities = severities,
            MissingBackupsAfter = TierDurations(r, m, "monitoring.missingBackupsAfter"),
            SlowJobsAfter = TierDurations(r, m, "monitoring.slowJobsAfter"),
            SlowCopyAfter = r.Duration(m, "monitoring.slowCopyAfter") ?? defaults.SlowCopyAfter,
            SkipTiers = skip,
            Dashboard = r.Bool(m, "monitoring.dashboard") ?? defaults.Dashboard,
        };
    }

    private static Dictionary<TierName, TimeSpan> TierDurations(Reader r, JsonElement parent, string path)
    {
        var result = new Dictionary<TierName, TimeSpan>();
        if (r.Object(parent, path) is { } o)
        {
            r.Keys(o, path, TierNames.All.Select(t => t.TagValue()).ToArray());
            foreach (var tier in TierNames.All)
            {
                if (r.Duration(o, $"{path}.{tier.TagValue()}") is { } value)
                {
                    result[tier] = value;
                }
            }
        }

        return result;
    }

    private static ProtectionOptions? ReadProtection(Reader r, JsonElement root)
    {
        var options = new ProtectionOptions();
        if (r.Object(root, "protection") is not { } p)
        {
            return options;
        }

        r.Keys(p, "protection", "enabled", "mode", "noncurrentVersionTransitionAfter", "pointInTimeRecovery", "wholeApp");
        var mode = r.String(p, "protection.mode");
        var parsed = ProtectionMode.Enforce;
        if (mode is not null && !(mode is "enforce" or "verify" && Enum.TryParse(mode, ignoreCase: true, out parsed)))
        {
            r.Problems.Add("protection.mode", "is not a protection mode", mode, "'enforce' or 'verify'");
        }

        options = new ProtectionOptions
        {
            Mode = parsed,
            NoncurrentVersionTransitionAfter = r.Duration(p, "protection.noncurrentVersionTransitionAfter") ?? options.NoncurrentVersionTransitionAfter,
            PointInTimeRecovery = r.Duration(p, "protection.pointInTimeRecovery") ?? options.PointInTimeRecovery,
            WholeApp = r.Bool(p, "protection.wholeApp") ?? options.WholeApp,
        };
        var enabled = r.Bool(p, "protection.enabled") != false;
        RefuseWhileDisabled(r, p, "protection", enabled);
        return enabled ? options : null;
    }

    /// <summary>
    /// The <c>recovery</c> key (store recovery, DESIGN §10). Refuses settings that would do nothing: any setting while
    /// <c>recovery.enabled</c> is false, a time zone without a schedule, and store recovery at all while
    /// <c>drills.enabled</c> is false (it runs on the drill validator, so the facade would not create it).
    /// The remaining rules (cron, ranges, instance class) are <see cref="RecoveryOptionsValidator"/>'s.
    /// </summary>
    private static (RecoveryOptions Options, RecoveryConfig Config) ReadRecovery(Reader r, JsonElement root, DrillOptions drills)
    {
        const string key = "recovery";
        var defaults = new RecoveryOptions();
        if (r.Object(root, key) is not { } e)
        {
            return (defaults with { Enabled = defaults.Enabled && drills.Enabled }, new RecoveryConfig());
        }

        string[] names = ["enabled", "tier", "schedule", "timeZone", "pollInterval", "restoreTimeout", "auroraInstanceClass", "s3RestoreRoleArn"];
        r.Keys(e, key, names);
        var enabled = r.Bool(e, $"{key}.enabled") ?? defaults.Enabled;
        var set = names.Where(n => n != "enabled" && e.TryGetProperty(n, out _)).ToList();
        if (!enabled)
        {
            if (set.Count > 0)
            {
                r.Problems.Add($"{key}.{set[0]}", $"does nothing while {key}.enabled is false ({string.Join(", ", set.Select(n => $"{key}.{n}"))} set)", string.Join(", ", set),
                    $"remove them, or set {key}.enabled to true");
            }

            return (defaults with { Enabled = false }, new RecoveryConfig());
        }

        if (!drills.Enabled)
        {
            r.Problems.Add(key, "does nothing while drills.enabled is false: store recovery runs on the drill validator and its report bucket", "enabled",
                $"drills.enabled true, or {key}.enabled false");
        }

        var tier = defaults.Tier;
        if (r.String(e, $"{key}.tier") is { } tierName)
        {
            if (TierNames.TryParse(tierName, out var parsed))
            {
                tier = parsed;
            }
            else
            {
                r.Problems.Add($"{key}.tier", "is not a tier", tierName, TierNames.Allowed);
            }
        }

        // "schedule": null turns the quarterly drill off; a missing key keeps the default.
        var scheduleOff = e.TryGetProperty("schedule", out var s) && s.ValueKind == JsonValueKind.Null;
        var schedule = scheduleOff ? null : r.String(e, $"{key}.schedule") ?? defaults.Schedule;
        var timeZone = r.String(e, $"{key}.timeZone");
        if (scheduleOff && timeZone is not null)
        {
            r.Problems.Add($"{key}.timeZone", $"does nothing while {key}.schedule is null (no quarterly drill)", timeZone, $"remove it, or set {key}.schedule");
        }

        var roleArn = r.String(e, $"{key}.s3RestoreRoleArn");
        if (roleArn is not null && !Regex.IsMatch(roleArn, "^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$"))
        {
            r.Problems.Add($"{key}.s3RestoreRoleArn", "is not an IAM role ARN", roleArn, "arn:aws:iam::<12-digit account>:role/<name>");
            roleArn = null;
        }

        var options = defaults with
        {
            Enabled = true,
            Tier = tier,
            Schedule = schedule,
            TimeZone = timeZone ?? defaults.TimeZone,
            PollInterval = r.Duration(e, $"{key}.pollInterval") ?? defaults.PollInterval,
            RestoreTimeout = r.Duration(e, $"{key}.restoreTimeout") ?? defaults.RestoreTimeout,
            AuroraInstanceClass = r.String(e, $"{key}.auroraInstanceClass") ?? defaults.AuroraInstanceClass,
        };
        return (options, new RecoveryConfig { S3RestoreRoleArn = roleArn });
    }

    private static DemoStoreConfig ReadDemoStore(Reader r, JsonElement root)
    {
        var demo = new DemoStoreConfig();
        if (r.Object(root, "demoStore") is not { } d)
        {
            return demo;
        }

        r.Keys(d, "demoStore", "enabled", "ordersGiB", "cartsGiB", "mediaGiB");
        double Size(string name, double fallback)
        {
            var key = $"demoStore.{name}";
            if (!d.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return fallback;
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var size) || size <= 0 || size > 1_000_000)
            {
                r.Problems.Add(key, "is not a data size", v.ToString(), "a number of GiB above 0, at most 1000000");
                return fallback;
            }

            return size;
        }

        var enabled = r.Bool(d, "demoStore.enabled") ?? false;
        RefuseWhileDisabled(r, d, "demoStore", enabled);
        return new DemoStoreConfig
        {
            Enabled = enabled,
            OrdersGiB = Size("ordersGiB", demo.OrdersGiB),
            CartsGiB = Size("cartsGiB", demo.CartsGiB),
            MediaGiB = Size("mediaGiB", demo.MediaGiB),
        };
    }

    private static TierTargets ReadTier(Reader r, JsonElement e, TierName tier, TierTargets defaults)
    {
        var key = $"targets.{tier.TagValue()}";
        var allowed = new List<string> { "rpo", "rto", "rules", "continuous" };
        if (tier == TierName.Archive)
        {
            allowed.Add("years");
        }

        r.Keys(e, key, [.. allowed]);
        if (tier == TierName.Archive && r.Int(e, $"{key}.years") is { } years)
        {
            if (years is < 1 or > 100)
            {
                r.Problems.Add($"{key}.years", "is out of range", years, "1 to 100");
            }
            else
            {
                defaults = TierDefaults.ArchiveFor(years) with { Rpo = defaults.Rpo, Rto = defaults.Rto, Continuous = defaults.Continuous };
            }
        }

        var result = defaults with
        {
            Rpo = r.Duration(e, $"{key}.rpo") ?? defaults.Rpo,
            Rto = r.Duration(e, $"{key}.rto") ?? defaults.Rto,
        };

        if (e.TryGetProperty("continuous", out var c))
        {
            if (c.ValueKind == JsonValueKind.Null || (c.ValueKind == JsonValueKind.False))
            {
                result = result with { Continuous = null };
            }
            else if (r.Object(e, $"{key}.continuous") is { } ce)
            {
                r.Keys(ce, $"{key}.continuous", "retention", "schedule");
                var baseContinuous = defaults.Continuous ?? new ContinuousBackup { Retention = TimeSpan.FromDays(35) };
                result = result with
                {
                    Continuous = baseContinuous with
                    {
                        Retention = r.Duration(ce, $"{key}.continuous.retention") ?? baseContinuous.Retention,
                        Schedule = r.String(ce, $"{key}.continuous.schedule") ?? baseContinuous.Schedule,
                    },
                };
            }
        }

        if (r.Object(e, $"{key}.rules") is { } rules)
        {
            var merged = result.Rules.ToList();
            foreach (var prop in rules.EnumerateObject())
            {
                var ruleKey = $"{key}.rules.{prop.Name}";
                var index = merged.FindIndex(x => string.Equals(x.Name, prop.Name, StringComparison.Ordinal));
                if (prop.Value.ValueKind == JsonValueKind.Null)
                {
                    if (index >= 0)
                    {
                        merged.RemoveAt(index);
                    }

                    continue;
                }

                if (prop.Value.ValueKind != JsonValueKind.Object)
                {
                    r.Problems.Add(ruleKey, "must be an object, or null to remove the rule", prop.Value.ValueKind.ToString(), "an object with schedule, retention, ... or null");
                    continue;
                }

                merged = index >= 0
                    ? [.. merged.Take(index), ReadRule(r, prop.Value, ruleKey, prop.Name, merged[index]), .. merged.Skip(index + 1)]
                    : [.. merged, ReadRule(r, prop.Value, ruleKey, prop.Name, null)];
            }

            result = result with { Rules = merged };
        }

        return result;
    }

    private static SnapshotRule ReadRule(Reader r, JsonElement e, string key, string name, SnapshotRule? existing)
    {
        r.Keys(e, key, "schedule", "retention", "moveToColdStorageAfter", "startWindow", "completionWindow", "copies");
        var schedule = r.String(e, $"{key}.schedule", required: existing is null);
        var retention = r.Duration(e, $"{key}.retention", required: existing is null);
        var rule = existing ?? new SnapshotRule { Name = name, Schedule = schedule ?? string.Empty, Retention = retention ?? TimeSpan.Zero };
        rule = rule with
        {
            Schedule = schedule ?? rule.Schedule,
            Retention = retention ?? rule.Retention,
            MoveToColdStorageAfter = e.TryGetProperty("moveToColdStorageAfter", out _) ? r.Duration(e, $"{key}.moveToColdStorageAfter") : rule.MoveToColdStorageAfter,
            StartWindow = r.Duration(e, $"{key}.startWindow") ?? rule.StartWindow,
            CompletionWindow = r.Duration(e, $"{key}.completionWindow") ?? rule.CompletionWindow,
        };

        if (e.TryGetProperty("copies", out var copies))
        {
            if (copies.ValueKind != JsonValueKind.Array)
            {
                r.Problems.Add($"{key}.copies", "must be an array", copies.ValueKind.ToString(), "a list of {destination, retention, moveToColdStorageAfter}");
            }
            else
            {
                var list = new List<CopyTarget>();
                var i = 0;
                foreach (var c in copies.EnumerateArray())
                {
                    var copyKey = $"{key}.copies[{i++}]";
                    if (c.ValueKind != JsonValueKind.Object)
                    {
                        r.Problems.Add(copyKey, "must be an object", c.ValueKind.ToString(), "{destination, retention, moveToColdStorageAfter}");
                        continue;
                    }

                    r.Keys(c, copyKey, "destination", "retention", "moveToColdStorageAfter");
                    var destination = r.String(c, $"{copyKey}.destination", required: true);
                    var parsed = CopyDestination.DrRegion;
                    if (destination is not null && !Enum.TryParse(destination, ignoreCase: true, out parsed))
                    {
                        r.Problems.Add($"{copyKey}.destination", "is not a copy destination", destination, "'drRegion', 'drAccount' or 'airGapped'");
                    }

                    list.Add(new CopyTarget
                    {
                        Destination = parsed,
                        Retention = r.Duration(c, $"{copyKey}.retention", required: true) ?? TimeSpan.FromDays(1),
                        MoveToColdStorageAfter = r.Duration(c, $"{copyKey}.moveToColdStorageAfter"),
                    });
                }

                rule = rule with { Copies = list };
            }
        }

        return rule;
    }

    /// <summary>A JSON value shown in a message as written: strings in single quotes, everything else raw.</summary>
    private sealed record JsonText(JsonElement Value)
    {
        public override string ToString() =>
            Value.ValueKind == JsonValueKind.String ? $"'{Value.GetString()}'" : Value.GetRawText();
    }

    /// <summary>Typed access to JSON that records problems instead of throwing.</summary>
    private sealed class Reader(ValidationProblems problems)
    {
        public ValidationProblems Problems { get; } = problems;

        public void Keys(JsonElement e, string path, params string[] allowed)
        {
            foreach (var prop in e.EnumerateObject())
            {
                if (!allowed.Contains(prop.Name, StringComparer.Ordinal))
                {
                    Problems.Add(Join(path, prop.Name), "is not a known key", prop.Name, string.Join(", ", allowed));
                }
            }
        }

        public JsonElement? Object(JsonElement parent, string path, bool required = false)
        {
            if (!TryGet(parent, path, required, out var v))
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.Object)
            {
                Problems.Add(path, "must be an object", v.ValueKind.ToString(), "a JSON object");
                return null;
            }

            return v;
        }

        public string? String(JsonElement parent, string path, bool required = false)
        {
            if (!TryGet(parent, path, required, out var v))
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                Problems.Add(path, "must be a string", new JsonText(v), "a JSON string");
                return null;
            }

            return v.GetString();
        }

        public List<string>? Strings(JsonElement parent, string path)
        {
            if (!TryGet(parent, path, false, out var v))
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
            {
                Problems.Add(path, "must be a list of strings", new JsonText(v), "a JSON array of strings");
                return null;
            }

            return v.EnumerateArray().Select(x => x.GetString()!).ToList();
        }

        public bool? Bool(JsonElement parent, string path)
        {
            if (!TryGet(parent, path, false, out var v))
            {
                return null;
            }

            if (v.ValueKind is not JsonValueKind.True and not JsonValueKind.False)
            {
                Problems.Add(path, "must be true or false", new JsonText(v), "true, false");
                return null;
            }

            return v.GetBoolean();
        }

        public int? Int(JsonElement parent, string path)
        {
            if (!TryGet(parent, path, false, out var v))
            {
                return null;
            }

            // Context handed over by the CDK CLI goes through jsii, which writes every number as a double (7.0).
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || d != Math.Floor(d) || d is > int.MaxValue or < int.MinValue)
            {
                Problems.Add(path, "must be a whole number", new JsonText(v), "an integer");
                return null;
            }

            return (int)d;
        }

        public TimeSpan? Duration(JsonElement parent, string path, bool required = false)
        {
            var text = String(parent, path, required);
            if (text is null)
            {
                return null;
            }

            if (!DurationText.TryParse(text, out var value))
            {
                Problems.Add(path, "is not a duration", text, DurationText.Allowed);
                return null;
            }

            return value;
        }

        private bool TryGet(JsonElement parent, string path, bool required, out JsonElement value)
        {
            var name = path[(path.LastIndexOf('.') + 1)..];
            if (parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
            {
                return true;
            }

            if (required)
            {
                Problems.Add(path, "is required", null, "a value");
            }

            return false;
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
    }
}
