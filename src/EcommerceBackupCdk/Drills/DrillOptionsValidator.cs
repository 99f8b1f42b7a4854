using System.Text.RegularExpressions;
using Amazon.CDK;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Contract;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// Checks <see cref="DrillOptions"/> against what AWS Backup, Lambda and the validator accept. Keys in messages are
/// the paths of the <c>drills</c> config key. Unresolved tokens are skipped, never guessed.
/// </summary>
public static partial class DrillOptionsValidator
{
    private const string Key = "drills";

    /// <summary>Records every problem of <paramref name="options"/> in <paramref name="problems"/>.</summary>
    public static void Validate(DrillOptions? options, string storeName, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (options is null)
        {
            problems.Add(Key, "is missing", null, "drill options (or enabled: false)");
            return;
        }

        if (!options.Enabled)
        {
            return;
        }

        CronSchedule? schedule = null;
        if (!CronSchedule.TryParse(options.Schedule, out var parsed, out var why))
        {
            problems.Add($"{Key}.schedule", $"schedule {why}", options.Schedule,
                "cron(m h dom mon dow year) with a single minute and '?' in day-of-month or day-of-week, e.g. 'cron(0 18 ? * FRI *)'");
        }
        else
        {
            schedule = parsed;
        }

        if (!PropsValidator.IsTimeZone(options.TimeZone))
        {
            problems.Add($"{Key}.timeZone", "is not an IANA time zone", options.TimeZone, "an IANA name such as 'Etc/UTC' or 'Europe/Istanbul'");
        }

        // StartWindowHours: "A value in hours after a restore test is scheduled before a job will be canceled if it doesn't
        // start successfully. This value is optional. If this value is included, this parameter has a maximum value of 168
        // hours (one week)." (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingPlanForUpdate.html)
        if (!WholeHours(options.StartWindow) || options.StartWindow < TimeSpan.FromHours(1) || options.StartWindow > TimeSpan.FromHours(168))
        {
            problems.Add($"{Key}.startWindow", "is out of range", options.StartWindow, "whole hours from 1h to 168h");
        }
        else if (schedule is not null && options.StartWindow >= schedule.WorstCaseInterval)
        {
            problems.Add($"{Key}.startWindow", "is not shorter than the time between drills, so one drill could still be starting when the next is due",
                options.StartWindow, $"less than {DurationText.Format(schedule.WorstCaseInterval)}");
        }

        // "SelectionWindowDays (optional) Value must be an integer (in days) from 1 to 365."
        // (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingPlanForCreate.html)
        if (options.SelectionWindowDays is < 1 or > 365)
        {
            problems.Add($"{Key}.selectionWindowDays", "is out of range", options.SelectionWindowDays, "1 to 365 days");
        }

        // ValidationWindowHours: "This value represents the time, in hours, data is retained after a restore test so that
        // optional validation can be completed. Accepted value is an integer between 0 and 168 (the hourly equivalent of
        // seven days)." (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingSelectionForList.html)
        // Every drill here is validated by the validator Lambda, so 0 (restored copies deleted at once) would make every
        // validation fail: the range we accept is 1-168.
        if (!WholeHours(options.ValidationWindow) || options.ValidationWindow < TimeSpan.FromHours(1) || options.ValidationWindow > TimeSpan.FromHours(168))
        {
            problems.Add($"{Key}.validationWindow", "is out of range: restored copies must stay long enough for the validator to check them", options.ValidationWindow,
                "whole hours from 1h to 168h");
        }

        if (options.Tiers is null || options.Tiers.Count == 0)
        {
            problems.Add($"{Key}.tiers", "names no tier, so nothing would be drilled", null, $"one or more of {TierNames.Allowed} (or enabled: false)");
        }
        else if (options.Tiers.Distinct().Count() != options.Tiers.Count)
        {
            problems.Add($"{Key}.tiers", "names a tier twice", options.Tiers.Select(t => t.TagValue()).ToList(), "each tier at most once");
        }

        if (options.ResourceTypes is null || options.ResourceTypes.Count == 0)
        {
            problems.Add($"{Key}.resourceTypes", "names no resource type, so nothing would be drilled", null, $"one or more of {DrillResourceTypes.Allowed}");
        }
        else if (options.ResourceTypes.Distinct().Count() != options.ResourceTypes.Count)
        {
            problems.Add($"{Key}.resourceTypes", "names a resource type twice", options.ResourceTypes.Select(t => t.ProtectedResourceType()).ToList(), "each type at most once");
        }

        if (!IsToken(options.RdsInstanceClass) && !InstanceClassPattern().IsMatch(options.RdsInstanceClass ?? string.Empty))
        {
            problems.Add($"{Key}.rdsInstanceClass", "is not an RDS instance class", options.RdsInstanceClass, "a class such as 'db.t4g.medium'");
        }

        if (options.ReservedConcurrency is { } reserved && (reserved < 1 || reserved > 1000))
        {
            problems.Add($"{Key}.reservedConcurrency", "is out of range", reserved, "1-1000, and at most the account's concurrency quota minus 100 (leave it unset in accounts with a quota of 10)");
        }

        if (options.DbSubnetGroupName is { } group && !IsToken(group) && !SubnetGroupPattern().IsMatch(group))
        {
            problems.Add($"{Key}.dbSubnetGroupName", "is not a DB subnet group name", group, "1-255 letters, digits, spaces, '.', '_' or '-'");
        }

        for (var i = 0; i < (options.DbSecurityGroupIds?.Count ?? 0); i++)
        {
            var id = options.DbSecurityGroupIds![i];
            if (!IsToken(id) && !SecurityGroupPattern().IsMatch(id ?? string.Empty))
            {
                problems.Add($"{Key}.dbSecurityGroupIds[{i}]", "is not a security group id", id, "'sg-' followed by 8 or 17 hexadecimal digits");
            }
        }

        if (options.MaxDataFreshness is { } freshness && freshness <= TimeSpan.Zero)
        {
            problems.Add($"{Key}.maxDataFreshness", "must be positive", freshness, DurationText.Allowed);
        }

        if (options.MinimumRecordCount < 0)
        {
            problems.Add($"{Key}.minimumRecordCount", "is negative", options.MinimumRecordCount, "0 or more");
        }

        ValidateProbe(Key, options.FreshnessAttribute, options.SqlPreset ?? string.Empty, options.SqlPreset ?? string.Empty,
            options.SqlCustomQuery, options.SqlCustomQuery, options.SqlTablePrefix, problems);

        for (var i = 0; i < (options.Resources?.Count ?? 0); i++)
        {
            var resource = options.Resources![i];
            var key = $"{Key}.resources[{i}]";
            if (resource.SourceArn is null || (!IsToken(resource.SourceArn) && !ArnPattern().IsMatch(resource.SourceArn)))
            {
                problems.Add($"{key}.sourceArn", "is not an ARN or an ARN prefix ending in '*'", resource.SourceArn, "e.g. 'arn:aws:dynamodb:eu-central-1:111111111111:table/orders'");
            }

            if (resource.MinimumRecordCount is < 0)
            {
                problems.Add($"{key}.minimumRecordCount", "is negative", resource.MinimumRecordCount, "0 or more");
            }

            ValidateProbe(key, resource.FreshnessAttribute, resource.SqlPreset, resource.SqlPreset ?? options.SqlPreset ?? string.Empty,
                resource.SqlCustomQuery, resource.SqlCustomQuery ?? options.SqlCustomQuery, resource.SqlTablePrefix, problems);
        }

        if (options.ResourceTypes is { Count: > 0 } drilled)
        {
            foreach (var (name, what, allowed, valueIfSet) in DrillTypeSettings.UnusedBy(drilled))
            {
                if (valueIfSet(options) is { } value)
                {
                    problems.Add($"{Key}.{name}", what, value, allowed);
                }
            }
        }

        if (!WholeDays(options.ReportRetention) || options.ReportRetention < TimeSpan.FromDays(1))
        {
            problems.Add($"{Key}.reportRetention", "must be whole days, at least 1 day", options.ReportRetention, "1d or more in whole days");
        }

        if (storeName is not null && PlanName(storeName).Length > 50)
        {
            problems.Add("storeName", "makes the restore testing plan name longer than AWS allows", PlanName(storeName), "at most 50 characters");
        }
    }

    /// <summary>
    /// The <c>drills</c> settings that do nothing when the drills restore only <paramref name="types"/> (say, SQL probe
    /// settings without RDS or Aurora), each as its key under <c>drills</c> with what is wrong and what is allowed.
    /// <see cref="Validate"/> refuses those set on <see cref="DrillOptions"/>; a config reader refuses those written.
    /// </summary>
    public static IReadOnlyList<(string Name, string What, string Allowed)> SettingsUnusedBy(IReadOnlyList<DrillResourceType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        return DrillTypeSettings.UnusedBy(types).Select(s => (s.Name, s.What, s.Allowed)).ToList();
    }

    /// <summary>Validates and throws <see cref="BackupConfigurationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(RestoreDrillProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var problems = new ValidationProblems();
        PropsValidator.ValidateStoreName(props.StoreName, problems);
        Validate(props.Options, props.StoreName, problems);
        problems.ThrowIfAny(nameof(RestoreDrillProps));
    }

    /// <summary>The restore testing plan name: letters, digits and underscores only.</summary>
    public static string PlanName(string storeName) => new PhysicalNames(storeName).RestoreTestingPlan;

    /// <summary>The selection name of a tier and type: letters, digits and underscores only.</summary>
    public static string SelectionName(string storeName, TierName tier, DrillResourceType type) =>
        new PhysicalNames(storeName).RestoreTestingSelection(tier, type);


    private static void ValidateProbe(string key, string? attribute, string? ownPreset, string effectivePreset, string? ownQuery, string? effectiveQuery, string? prefix, ValidationProblems problems)
    {
        if (attribute is not null && attribute.Length > 255)
        {
            problems.Add($"{key}.freshnessAttribute", "is longer than a DynamoDB attribute name may be", attribute.Length, "at most 255 characters");
        }

        if (ownPreset is not null && !DrillValidatorContract.SqlPresets.Contains(ownPreset))
        {
            problems.Add($"{key}.sqlPreset", "is not a SQL probe preset", ownPreset, string.Join(", ", DrillValidatorContract.SqlPresets));
        }
        else if (effectivePreset == "custom" && effectiveQuery is null && (ownPreset is not null || key == Key))
        {
            problems.Add($"{key}.sqlCustomQuery", "is required when sqlPreset is 'custom'", null, "one SELECT returning the order count and the newest order time (UTC)");
        }

        if (ownQuery is not null && !SelectPattern().IsMatch(ownQuery))
        {
            problems.Add($"{key}.sqlCustomQuery", "must be a single read-only SELECT", ownQuery, "SELECT ... or WITH ... SELECT ..., no ';' inside");
        }

        if (prefix is not null && !TablePrefixPattern().IsMatch(prefix))
        {
            problems.Add($"{key}.sqlTablePrefix", "is not a table prefix", prefix, "0-32 letters, digits or '_'");
        }
    }

    private static bool IsToken(string? value) => value is not null && Token.IsUnresolved(value);

    private static bool WholeHours(TimeSpan value) => value.Ticks % TimeSpan.TicksPerHour == 0;

    private static bool WholeDays(TimeSpan value) => value.Ticks % TimeSpan.TicksPerDay == 0;

    [GeneratedRegex(@"^db\.[a-z0-9-]+\.[a-z0-9]+$")]
    private static partial Regex InstanceClassPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9 ._-]{1,255}$")]
    private static partial Regex SubnetGroupPattern();

    [GeneratedRegex(ValueFormats.SecurityGroupId)]
    private static partial Regex SecurityGroupPattern();

    [GeneratedRegex(@"^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.+$")]
    private static partial Regex ArnPattern();

    [GeneratedRegex(ValueFormats.SqlTablePrefix)]
    private static partial Regex TablePrefixPattern();

    [GeneratedRegex(ValueFormats.ReadOnlySqlQuery, RegexOptions.IgnoreCase)]
    private static partial Regex SelectPattern();
}
