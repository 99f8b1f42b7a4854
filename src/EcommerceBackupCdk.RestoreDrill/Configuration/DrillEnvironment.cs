namespace EcommerceBackupCdk.RestoreDrill.Configuration;

/// <summary>
/// Names of the environment variables the validator Lambda reads. The CDK side sets them; each is
/// validated at start and a bad value fails the init with a message naming the variable, the value and what is allowed.
/// </summary>
public static class DrillEnvironment
{
    /// <summary>Required. Store name used as the metric dimension "Store" and in reports (1-64 of a-z, 0-9, '-').</summary>
    public const string StoreName = "STORE_NAME";

    /// <summary>Required. Name of the drill report bucket; reports go to drills/yyyy/MM/dd/&lt;restoreJobId&gt;.json.</summary>
    public const string ReportBucket = "REPORT_BUCKET";

    /// <summary>Optional. Comma-separated restore testing plan ARNs; jobs created by other plans are ignored. Default: any restore testing plan.</summary>
    public const string RestoreTestingPlanArns = "RESTORE_TESTING_PLAN_ARNS";

    /// <summary>Optional. Tier assumed for resources without a per-resource setting: critical | standard | archive. Default critical.</summary>
    public const string DefaultTier = "DEFAULT_TIER";

    /// <summary>
    /// Optional JSON object of tier targets overriding the defaults, e.g.
    /// {"critical":{"rpoSeconds":300,"rtoSeconds":1800,"maxDataFreshnessSeconds":3600,"maxRecoveryPointAgeSeconds":3900}}.
    /// Defaults: critical RPO 300 s / RTO 1800 s; standard RPO 86400 s / RTO 14400 s; archive RPO 2678400 s / RTO 86400 s;
    /// maxDataFreshnessSeconds defaults to the RPO, maxRecoveryPointAgeSeconds to none (measured, not judged).
    /// </summary>
    public const string TierTargets = "TIER_TARGETS";

    /// <summary>Optional. DynamoDB attribute holding the order/cart time (ISO-8601 string or epoch seconds/milliseconds number). Default createdAt; empty disables the freshness check.</summary>
    public const string DynamoDbTimestampAttribute = "DYNAMODB_TIMESTAMP_ATTRIBUTE";

    /// <summary>Optional. Parallel scan segments, 1-64. Default 4.</summary>
    public const string DynamoDbScanSegments = "DYNAMODB_SCAN_SEGMENTS";

    /// <summary>Optional. Minimum items/rows/objects a restored resource must hold. Default 1.</summary>
    public const string MinimumRecordCount = "MIN_RECORD_COUNT";

    /// <summary>Optional. SQL probe preset: woocommerce | woocommerce-legacy | magento | custom. Default woocommerce.</summary>
    public const string SqlPreset = "SQL_PRESET";

    /// <summary>Required when SQL_PRESET=custom. One SELECT returning one row: order count, newest order time (UTC).</summary>
    public const string SqlCustomQuery = "SQL_CUSTOM_QUERY";

    /// <summary>Optional. Table prefix for the presets. Default wp_ for WooCommerce, empty for Magento.</summary>
    public const string SqlTablePrefix = "SQL_TABLE_PREFIX";

    /// <summary>Optional. Database (schema) to probe. Default: the restored instance's DBName, else the secret's dbname.</summary>
    public const string SqlDatabase = "SQL_DATABASE";

    /// <summary>Optional (required for RDS/Aurora data checks). ARN of the Secrets Manager secret with username and password of the source database.</summary>
    public const string DbSecretArn = "DB_SECRET_ARN";

    /// <summary>
    /// Optional JSON array of per-resource settings matched on the source resource ARN (exact, or prefix with a trailing '*'):
    /// [{"sourceArn":"arn:aws:dynamodb:eu-central-1:111122223333:table/orders","tier":"critical","timestampAttribute":"placedAt"},
    ///  {"sourceArn":"arn:aws:rds:eu-central-1:111122223333:db:shop*","sqlPreset":"magento","secretArn":"arn:...","database":"magento"}].
    /// Fields: sourceArn (required), tier, timestampAttribute, sqlPreset, sqlCustomQuery, sqlTablePrefix, database, secretArn, minimumRecordCount.
    /// </summary>
    public const string ResourceSettings = "RESOURCE_SETTINGS";

    /// <summary>Optional. Seconds the data checks of one restore job may take, 10-840. Default 600 (keep the Lambda timeout above it).</summary>
    public const string ValidationTimeoutSeconds = "VALIDATION_TIMEOUT_SECONDS";

    /// <summary>
    /// Optional. The restore testing selection's ValidationWindowHours, 0-168 (default 4): "the time, in hours, data is
    /// retained after a restore test so that optional validation can be completed"
    /// (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_RestoreTestingSelectionForList.html). The drill flow
    /// records its verdict before it ends.
    /// </summary>
    public const string ValidationWindowHours = "VALIDATION_WINDOW_HOURS";

    /// <summary>Optional. First wait of the drill flow's polls (temporary instance, restore job), 1-600 s. Default 30; doubles each poll.</summary>
    public const string PollBaseSeconds = "POLL_BASE_SECONDS";

    /// <summary>Optional. Longest wait between two polls of the drill flow, 1-3600 s. Default 300.</summary>
    public const string PollMaxSeconds = "POLL_MAX_SECONDS";

    /// <summary>Set by Lambda. Region of the function; the restored resources live there.</summary>
    public const string Region = "AWS_REGION";

    /// <summary>Optional endpoint overrides (tests, VPC endpoints): BACKUP_ENDPOINT, RDS_ENDPOINT, SECRETSMANAGER_ENDPOINT, DYNAMODB_ENDPOINT, S3_ENDPOINT.</summary>
    public const string BackupEndpoint = "BACKUP_ENDPOINT";

    /// <inheritdoc cref="BackupEndpoint"/>
    public const string RdsEndpoint = "RDS_ENDPOINT";

    /// <inheritdoc cref="BackupEndpoint"/>
    public const string SecretsManagerEndpoint = "SECRETSMANAGER_ENDPOINT";

    /// <inheritdoc cref="BackupEndpoint"/>
    public const string DynamoDbEndpoint = "DYNAMODB_ENDPOINT";

    /// <inheritdoc cref="BackupEndpoint"/>
    public const string S3Endpoint = "S3_ENDPOINT";
}
