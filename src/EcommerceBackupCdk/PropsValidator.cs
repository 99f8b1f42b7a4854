using System.Text.RegularExpressions;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;
using EcommerceBackupCdk.Contract;

namespace EcommerceBackupCdk;

/// <summary>
/// Checks <see cref="EcommerceBackupProps"/> against every rule AWS Backup and CloudFormation enforce at deploy time
/// for what the library creates, plus the internal consistency of the targets. Keys in messages are the
/// camelCase paths of the <c>ecommerceBackup</c> config, which mirrors the props.
/// </summary>
public static partial class PropsValidator
{
    /// <summary>Validates props and returns every problem.</summary>
    /// <param name="props">The props.</param>
    /// <param name="primaryAccount">The primary account id, or null when unknown (an unresolved token is skipped, never guessed).</param>
    /// <param name="primaryRegion">The primary region, or null when unknown.</param>
    public static ValidationProblems Validate(EcommerceBackupProps props, string? primaryAccount = null, string? primaryRegion = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        var problems = new ValidationProblems();

        ValidateStoreName(props.StoreName, problems);

        if (primaryAccount is not null && !AccountPattern().IsMatch(primaryAccount))
        {
            problems.Add("primary.account", "is not an AWS account id", primaryAccount, "12 digits");
        }

        if (primaryRegion is not null && !AwsRegions.IsKnown(primaryRegion))
        {
            problems.Add("primary.region", "is not an AWS region", primaryRegion, "a region name such as 'eu-central-1'");
        }

        ValidateTimeZone(props.ScheduleTimeZone, problems);

        TargetsValidator.Validate(props.Targets, problems, IsValidTimeZone(props.ScheduleTimeZone) ? TimeZoneInfo.FindSystemTimeZoneById(props.ScheduleTimeZone) : null);
        DisasterRecoveryValidator.Validate(props, primaryAccount, primaryRegion, problems);
        VaultLockValidator.Validate(props, problems);
        NotificationsValidator.Validate(props.Notifications, problems);
        Compliance.AuditValidator.Validate(props.Audit, problems);
        MonitoringValidator.Validate(props.Monitoring, problems);
        if (props.S3BackupTiering is { } tiering)
        {
            Plans.S3BackupTiering.Validate(tiering, "s3BackupTiering", problems);
        }

        Drills.DrillOptionsValidator.Validate(props.Drills, props.StoreName, problems);
        Recovery.RecoveryOptionsValidator.Validate(props.Recovery, props.Targets, problems);
        Recovery.RecoveryOptionsValidator.ValidateWithDrills(props.Recovery, props.Drills, problems);
        Protection.ProtectionValidator.Validate(props.Protection, props.Targets, problems);
        AirGappedVaultValidator.Validate(props, primaryRegion, problems);
        Plans.ResilienceValidator.Validate(props, problems);
        return problems;
    }

    /// <summary>
    /// The facade's own rule for <see cref="Compliance.ControlTowerOptions.Strict"/>: its Lambda functions (drill
    /// validator, evidence index) need <see cref="Drills.DrillOptions.Network"/>. Not part of <see cref="Validate"/>,
    /// because the DR stacks validate the same props and create no function, and an app may add the network later.
    /// </summary>
    public static void ValidateControlTower(EcommerceBackupProps props, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentNullException.ThrowIfNull(problems);
        if (props.ControlTower is { Strict: true } && props.Drills.Network is null && (props.Drills.Enabled || props.Audit is not null))
        {
            problems.Add("controlTower.strict", "needs drills.network: Control Tower control CT.LAMBDA.PR.3 wants every Lambda function (the drill validator, the evidence index) in a customer VPC", "true without drills.network",
                "drills.network with the VPC and private subnets the functions run in, or controlTower.strict false");
        }
    }

    /// <summary>Validates and throws <see cref="BackupConfigurationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(EcommerceBackupProps props, string? primaryAccount = null, string? primaryRegion = null) =>
        Validate(props, primaryAccount, primaryRegion).ThrowIfAny(nameof(EcommerceBackupProps));

    /// <summary>Whether the id is a 12-digit AWS account id.</summary>
    public static bool IsAccountId(string? value) => value is not null && AccountPattern().IsMatch(value);

    /// <summary>Checks the store name used in every resource name.</summary>
    public static void ValidateStoreName(string? storeName, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (storeName is null || !StoreNamePattern().IsMatch(storeName))
        {
            problems.Add("storeName", "is not a valid store name", storeName,
                "2-20 lower-case letters, digits or '-', starting with a letter and not ending with '-'");
        }
    }

    /// <summary>Checks the schedule time zone.</summary>
    public static void ValidateTimeZone(string? timeZone, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!IsValidTimeZone(timeZone))
        {
            problems.Add("scheduleTimeZone", "is not an IANA time zone", timeZone, "an IANA name such as 'Etc/UTC' or 'Europe/Istanbul'");
        }
    }

    /// <summary>Checks the tiers' targets (<see cref="TargetsValidator.Validate"/>, kept here for existing callers).</summary>
    /// <param name="targets">The targets.</param>
    /// <param name="problems">Where problems are recorded.</param>
    /// <param name="scheduleTimeZone">The time zone the plans read their schedules in. Default: UTC.</param>
    public static void ValidateTargets(BackupTargets? targets, ValidationProblems problems, TimeZoneInfo? scheduleTimeZone = null) =>
        TargetsValidator.Validate(targets, problems, scheduleTimeZone);

    /// <summary>Whether <paramref name="id"/> is an IANA time zone name (e.g. <c>Etc/UTC</c>, <c>Europe/Istanbul</c>).</summary>
    public static bool IsTimeZone(string? id) => IsValidTimeZone(id);

    private static bool IsValidTimeZone(string? id)
    {
        if (string.IsNullOrEmpty(id) || !id.Contains('/', StringComparison.Ordinal) && id != "UTC")
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var tz) && !tz.Id.StartsWith("Windows", StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,18}[a-z0-9]$")]
    private static partial Regex StoreNamePattern();

    [GeneratedRegex(ValueFormats.AwsAccountId)]
    private static partial Regex AccountPattern();
}
