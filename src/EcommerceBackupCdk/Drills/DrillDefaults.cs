using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Drills;

/// <summary>Every default of the restore drills, in one place. Each is overridable through <see cref="DrillOptions"/> or the <c>drills</c> config key.</summary>
public static class DrillDefaults
{
    /// <summary>Drills run every Friday at 18:00 (in <see cref="TimeZone"/>): after the week's orders, before the weekend peak.</summary>
    public const string Schedule = "cron(0 18 ? * FRI *)";

    /// <summary>The drill schedule is read in UTC unless configured.</summary>
    public const string TimeZone = "Etc/UTC";

    /// <summary>A drill that has not started 4 hours after its scheduled time is cancelled (AWS allows 1-168 hours).</summary>
    public static readonly TimeSpan StartWindow = TimeSpan.FromHours(4);

    /// <summary>The drill restores the latest recovery point of the last 7 days (AWS allows 1-365 days).</summary>
    public const int SelectionWindowDays = 7;

    /// <summary>
    /// Restored copies are kept at most 4 hours for validation; AWS Backup deletes them as soon as the validator
    /// reports, so this only bounds the cost of a validator that never answers (AWS allows 0-168 hours).
    /// </summary>
    public static readonly TimeSpan ValidationWindow = TimeSpan.FromHours(4);

    /// <summary>Only the <c>critical</c> tier is drilled by default: it is where an untested backup hurts most.</summary>
    public static IReadOnlyList<TierName> Tiers { get; } = [TierName.Critical];

    /// <summary>All six types; a selection that matches no resource starts no restore job and costs nothing.</summary>
    public static IReadOnlyList<DrillResourceType> ResourceTypes { get; } = DrillResourceTypes.All;

    /// <summary>Burstable Graviton class for restored RDS instances: enough for a count query, cheap for a few hours.</summary>
    public const string RdsInstanceClass = "db.t4g.medium";

    /// <summary>DynamoDB attribute holding the order/cart time, as the validator defaults it.</summary>
    public const string FreshnessAttribute = "createdAt";

    /// <summary>SQL probe preset: WooCommerce with High-Performance Order Storage.</summary>
    public const string SqlPreset = "woocommerce";

    /// <summary>A restored resource must hold at least one item, row or object.</summary>
    public const long MinimumRecordCount = 1;

    /// <summary>Drill reports are kept 3 years (audit evidence; PCI DSS asks for 1 year of audit history).</summary>
    public static readonly TimeSpan ReportRetention = TimeSpan.FromDays(3 * 365);

    /// <summary>Superseded report versions are kept 30 days.</summary>
    public static readonly TimeSpan NoncurrentReportRetention = TimeSpan.FromDays(30);

    /// <summary>The validator's own logs are kept 1 year.</summary>
    public const Amazon.CDK.AWS.Logs.RetentionDays LogRetention = Amazon.CDK.AWS.Logs.RetentionDays.ONE_YEAR;

    /// <summary>The data checks of one restore job may take 10 minutes (validator range 10 s to 14 min).</summary>
    public static readonly TimeSpan ValidationTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The Lambda timeout leaves 2 minutes beyond <see cref="ValidationTimeout"/> to write the report and record the result.</summary>
    public static readonly TimeSpan FunctionTimeout = ValidationTimeout + TimeSpan.FromMinutes(2);

    /// <summary>Memory of the validator: parallel DynamoDB scans and the .NET runtime fit comfortably in 1 GiB.</summary>
    public const int MemorySizeMb = 1024;

    /// <summary>
    /// No reserved concurrency unless configured. Lambda guide (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html):
    /// "You can reserve up to the Unreserved account concurrency value that is shown, minus 100 for functions that don't
    /// have reserved concurrency." New accounts may start with a concurrency quota far below 100 (10), where reserving
    /// any fails the deploy. Opt in with <see cref="DrillOptions.ReservedConcurrency"/> (README, AWS prerequisites).
    /// </summary>
    public static readonly int? ReservedConcurrency;

    /// <summary>Lambda retries a failed asynchronous invocation twice before the event goes to the dead-letter queue.</summary>
    public const int AsyncRetryAttempts = 2;

    /// <summary>An event older than 6 hours is not retried (the validation window would have deleted the restored copy anyway).</summary>
    public static readonly TimeSpan MaxEventAge = TimeSpan.FromHours(6);

    /// <summary>EventBridge retries delivering an event 8 times before it goes to the dead-letter queue.</summary>
    public const int RuleRetryAttempts = 8;

    /// <summary>Dead-letter messages are kept 14 days, SQS's maximum.</summary>
    public static readonly TimeSpan DeadLetterRetention = TimeSpan.FromDays(14);
}
