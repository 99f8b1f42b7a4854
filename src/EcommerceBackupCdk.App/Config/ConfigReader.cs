using System.Text.Json;
using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Monitoring;
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
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(ContextKey, "must be an object", root.ValueKind.ToString(), "a JSON object");
                problems.ThrowIfAny(ContextKey);
            }

            var r = new Reader(problems);
            r.Keys(root, "", "storeName", "primary", "disasterRecovery", "notifications", "scheduleTimeZone", "vaultLock", "targets", "audit");

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
                    ChangeableFor = r.Duration(l, "vaultLock.changeableFor") ?? vaultLock.ChangeableFor,
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
                r.Keys(a, "audit", "evidenceRetention", "accessLogRetention", "breakGlassPrincipals", "createConfigRecorder");
                var defaults = new AuditOptions();
                audit = new AuditOptions
                {
                    EvidenceRetention = r.Duration(a, "audit.evidenceRetention") ?? defaults.EvidenceRetention,
                    AccessLogRetention = r.Duration(a, "audit.accessLogRetention") ?? defaults.AccessLogRetention,
                    BreakGlassPrincipals = r.Strings(a, "audit.breakGlassPrincipals") ?? [],
                    CreateConfigRecorder = r.Bool(a, "audit.createConfigRecorder") ?? false,
                };
            }

            var backup = new EcommerceBackupProps
            {
                StoreName = storeName,
                Targets = targets,
                DisasterRecovery = dr,
                Notifications = notifications,
                VaultLock = vaultLock,
                ScheduleTimeZone = r.String(root, "scheduleTimeZone") ?? "Etc/UTC",
                Audit = audit,
            };

            if (region is not null && !AwsRegions.IsKnown(region))
            {
                problems.Add("primary.region", "is not an AWS region", region, "a region name such as 'eu-central-1'");
            }

            if (account is not null && !PropsValidator.IsAccountId(account))
            {
                problems.Add("primary.account", "is not an AWS account id", account, "12 digits");
            }

            foreach (var problem in PropsValidator.Validate(backup, PropsValidator.IsAccountId(account) ? account : null, AwsRegions.IsKnown(region) ? region : null).All)
            {
                problems.AddRaw(problem);
            }

            problems.ThrowIfAny($"cdk.json context '{ContextKey}'");
            return new AppConfig { PrimaryAccount = account!, PrimaryRegion = region!, Backup = backup };
        }
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
                        r.Problems.Add($"{copyKey}.destination", "is not a copy destination", destination, "'drRegion' or 'drAccount'");
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
                Problems.Add(path, "must be a string", v.ToString(), "a JSON string");
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
                Problems.Add(path, "must be a list of strings", v.ToString(), "a JSON array of strings");
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
                Problems.Add(path, "must be true or false", v.ToString(), "true, false");
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

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i))
            {
                Problems.Add(path, "must be a whole number", v.ToString(), "an integer");
                return null;
            }

            return i;
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
