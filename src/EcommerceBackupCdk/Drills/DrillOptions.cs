using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// Restore drills: when they run, what they restore, how the restored copies are kept private and cheap, and how the
/// validator judges them. Every default is in <see cref="DrillDefaults"/>.
/// </summary>
public sealed record DrillOptions
{
    /// <summary>Whether the facade creates the drills. Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>When drills run, an AWS Backup cron expression. Default: <see cref="DrillDefaults.Schedule"/> (Fridays 18:00).</summary>
    public string Schedule { get; init; } = DrillDefaults.Schedule;

    /// <summary>IANA time zone the schedule is read in. Default: <c>Etc/UTC</c>.</summary>
    public string TimeZone { get; init; } = DrillDefaults.TimeZone;

    /// <summary>How long after the scheduled time a drill may start; whole hours, 1-168. Default: 4 hours.</summary>
    public TimeSpan StartWindow { get; init; } = DrillDefaults.StartWindow;

    /// <summary>The drill restores the latest recovery point of this many days, 1-365. Default: 7.</summary>
    public int SelectionWindowDays { get; init; } = DrillDefaults.SelectionWindowDays;

    /// <summary>How long restored copies are kept for validation; whole hours, 1-168 (AWS allows 0, which leaves the validator nothing to check). Default: 4 hours.</summary>
    public TimeSpan ValidationWindow { get; init; } = DrillDefaults.ValidationWindow;

    /// <summary>Tiers whose resources are drilled (selected by the tier tag). Default: <c>critical</c>.</summary>
    public IReadOnlyList<TierName> Tiers { get; init; } = DrillDefaults.Tiers;

    /// <summary>Resource types drilled; one restore testing selection per tier and type. Default: all six.</summary>
    public IReadOnlyList<DrillResourceType> ResourceTypes { get; init; } = DrillDefaults.ResourceTypes;

    /// <summary>Instance class of restored RDS instances. Default: <c>db.t4g.medium</c>.</summary>
    public string RdsInstanceClass { get; init; } = DrillDefaults.RdsInstanceClass;

    /// <summary>DB subnet group restored RDS instances and Aurora clusters go into (private subnets). Default: the one AWS Backup infers (the default VPC's).</summary>
    public string? DbSubnetGroupName { get; init; }

    /// <summary>VPC security groups of restored RDS instances and Aurora clusters. Default: the ones AWS Backup infers.</summary>
    public IReadOnlyList<string> DbSecurityGroupIds { get; init; } = [];

    /// <summary>DynamoDB attribute holding the order/cart time; empty disables the freshness check. Default: <c>createdAt</c>.</summary>
    public string FreshnessAttribute { get; init; } = DrillDefaults.FreshnessAttribute;

    /// <summary>
    /// Largest accepted gap between the newest order/cart and the recovery point. Default: the tier's RPO. Raise it
    /// for quiet stores, where minutes without an order are normal.
    /// </summary>
    public TimeSpan? MaxDataFreshness { get; init; }

    /// <summary>SQL probe preset: <c>woocommerce</c>, <c>woocommerce-legacy</c>, <c>magento</c> or <c>custom</c>. Default: <c>woocommerce</c>.</summary>
    public string SqlPreset { get; init; } = DrillDefaults.SqlPreset;

    /// <summary>The probe when <see cref="SqlPreset"/> is <c>custom</c>: one SELECT returning order count and newest order time (UTC).</summary>
    public string? SqlCustomQuery { get; init; }

    /// <summary>Table prefix of the presets. Default: the validator's (<c>wp_</c> for WooCommerce, none for Magento).</summary>
    public string? SqlTablePrefix { get; init; }

    /// <summary>Database (schema) to probe. Default: the restored instance's, else the secret's <c>dbname</c>.</summary>
    public string? SqlDatabase { get; init; }

    /// <summary>Secret with the source database's username and password, read by the validator. Default: none (RDS/Aurora drills then fail with a message saying so).</summary>
    public ISecret? DatabaseSecret { get; init; }

    /// <summary>Minimum items, rows or objects a restored resource must hold. Default: 1.</summary>
    public long MinimumRecordCount { get; init; } = DrillDefaults.MinimumRecordCount;

    /// <summary>Per-resource settings, matched on the source resource ARN. Default: none.</summary>
    public IReadOnlyList<DrillResourceSettings> Resources { get; init; } = [];

    /// <summary>How long drill reports are kept; whole days. Default: 3 years.</summary>
    public TimeSpan ReportRetention { get; init; } = DrillDefaults.ReportRetention;

    /// <summary>Retention of the validator's logs. Default: 1 year.</summary>
    public RetentionDays LogRetention { get; init; } = DrillDefaults.LogRetention;

    /// <summary>
    /// Reserved concurrency of the validator (caps parallel validations). Default: none. Opt in only where the account's
    /// Lambda concurrency quota leaves the 100 unreserved executions Lambda requires (new accounts may have a quota of 10).
    /// </summary>
    public int? ReservedConcurrency { get; init; } = DrillDefaults.ReservedConcurrency;

    /// <summary>The validator's VPC, needed for SQL probes of restored databases. Default: none (the validator runs outside a VPC and cannot reach private databases).</summary>
    public ValidatorNetwork? Network { get; init; }

    /// <summary>
    /// The validator's package. Default: built at synth time from <c>src/EcommerceBackupCdk.RestoreDrill</c> with
    /// <c>dotnet publish</c> (<see cref="DrillCode.FromRepository"/>). Set it when the library is used outside this
    /// repository (e.g. <c>Code.FromAsset</c> of a published directory) and in tests.
    /// </summary>
    public Code? ValidatorCode { get; init; }
}
