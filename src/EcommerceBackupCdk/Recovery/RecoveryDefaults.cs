using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Recovery;

/// <summary>Defaults of <see cref="RecoveryOptions"/>, in one place.</summary>
public static class RecoveryDefaults
{
    /// <summary>
    /// Once a quarter, outside peak hours: 03:00 on the 1st of January, April, July and October, in
    /// <see cref="TimeZone"/>. EventBridge Scheduler: "A cron expression consists of six fields separated by white
    /// spaces: (minutes hours day_of_month month day_of_week year)."
    /// (https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/scheduler/aws.sdk.kotlin.services.scheduler.model/-get-schedule-response/schedule-expression.html;
    /// schedule types: https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html)
    /// </summary>
    public const string Schedule = "cron(0 3 1 1,4,7,10 ? *)";

    /// <summary>Time zone the schedule is read in.</summary>
    public const string TimeZone = "Etc/UTC";

    /// <summary>The tier recovered when the input names none, and the tier of the scheduled drill.</summary>
    public static TierName Tier => TierName.Critical;

    /// <summary>Wait between two status polls of a restore or deletion.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one resource may take to become usable before its branch fails.</summary>
    public static TimeSpan RestoreTimeout { get; } = TimeSpan.FromHours(3);

    /// <summary>Instance class of the DB instance added to a restored Aurora cluster.</summary>
    public const string AuroraInstanceClass = "db.t4g.medium";

    /// <summary>Memory of the recovery function (SQL probes and DynamoDB scans).</summary>
    public const int MemorySizeMb = 1024;

    /// <summary>Timeout of one recovery function call (validation is bounded by the validator's own timeout of 600 s).</summary>
    public static TimeSpan FunctionTimeout { get; } = TimeSpan.FromMinutes(15);
}
