namespace EcommerceBackupCdk.Contract;

/// <summary>
/// Environment variables of the drill validator (<c>RestoreDrill</c> sets them; <c>DrillSettings.FromEnvironment</c>
/// reads them). The store recovery function receives the same set plus <see cref="RecoveryVariables"/>.
/// </summary>
internal static class DrillVariables
{
    /// <summary>Required. Store name: metric dimension "Store" and report field (1-64 of a-z, 0-9, '-').</summary>
    public const string StoreName = "STORE_NAME";

    /// <summary>Required. Drill report bucket; reports go under <see cref="BucketPrefixes.DrillReports"/>.</summary>
    public const string ReportBucket = "REPORT_BUCKET";

    /// <summary>Optional. Comma-separated restore testing plan ARNs; jobs of other plans are ignored. Default: any plan.</summary>
    public const string RestoreTestingPlanArns = "RESTORE_TESTING_PLAN_ARNS";

    /// <summary>Optional. Tier for resources without a per-resource setting (<see cref="ContractTiers"/>). Default critical.</summary>
    public const string DefaultTier = "DEFAULT_TIER";

    /// <summary>Optional. JSON object of tier targets in seconds (<see cref="TierTargetFields"/>).</summary>
    public const string TierTargets = "TIER_TARGETS";

    /// <summary>Optional. DynamoDB attribute with the order/cart time. Default createdAt; empty disables the freshness check.</summary>
    public const string DynamoDbTimestampAttribute = "DYNAMODB_TIMESTAMP_ATTRIBUTE";

    /// <summary>Optional. Parallel scan segments, 1-64. Default 4.</summary>
    public const string DynamoDbScanSegments = "DYNAMODB_SCAN_SEGMENTS";

    /// <summary>Optional. Minimum items/rows/objects a restored resource must hold. Default 1.</summary>
    public const string MinimumRecordCount = "MIN_RECORD_COUNT";

    /// <summary>Optional. SQL probe preset (<see cref="SqlPresets"/>). Default woocommerce.</summary>
    public const string SqlPreset = "SQL_PRESET";

    /// <summary>Required when the preset is custom: one SELECT returning order count and newest order time (UTC).</summary>
    public const string SqlCustomQuery = "SQL_CUSTOM_QUERY";

    /// <summary>Optional. Table prefix of the presets. Default wp_ for WooCommerce, empty for Magento.</summary>
    public const string SqlTablePrefix = "SQL_TABLE_PREFIX";

    /// <summary>Optional. Database (schema) to probe. Default: the restored instance's DBName, else the secret's dbname.</summary>
    public const string SqlDatabase = "SQL_DATABASE";

    /// <summary>Optional (required for RDS/Aurora data checks). Secrets Manager secret with the source database's credentials.</summary>
    public const string DbSecretArn = "DB_SECRET_ARN";

    /// <summary>Optional. JSON array of per-resource settings (<see cref="ResourceSettingFields"/>).</summary>
    public const string ResourceSettings = "RESOURCE_SETTINGS";

    /// <summary>Optional. Seconds the data checks of one restore job may take, 10-840. Default 600.</summary>
    public const string ValidationTimeoutSeconds = "VALIDATION_TIMEOUT_SECONDS";

    /// <summary>Optional. The restore testing selection's ValidationWindowHours, 0-168. Default 4.</summary>
    public const string ValidationWindowHours = "VALIDATION_WINDOW_HOURS";

    /// <summary>Optional. First wait of the drill flow's polls, 1-600 s. Default 30; doubles each poll.</summary>
    public const string PollBaseSeconds = "POLL_BASE_SECONDS";

    /// <summary>Optional. Longest wait between two polls of the drill flow, 1-3600 s. Default 300.</summary>
    public const string PollMaxSeconds = "POLL_MAX_SECONDS";

    /// <summary>Set by Lambda: the function's region.</summary>
    public const string Region = "AWS_REGION";

    /// <summary>Optional endpoint overrides (tests, VPC endpoints).</summary>
    public const string BackupEndpoint = "BACKUP_ENDPOINT";

    /// <inheritdoc cref="BackupEndpoint"/>
    public const string RdsEndpoint = "RDS_ENDPOINT";

    /// <inheritdoc cref="BackupEndpoint"/>
    public const string SecretsManagerEndpoint = "SECRETSMANAGER_ENDPOINT";

    /// <inheritdoc cref="BackupEndpoint"/>
    public const string DynamoDbEndpoint = "DYNAMODB_ENDPOINT";

    /// <inheritdoc cref="BackupEndpoint"/>
    public const string S3Endpoint = "S3_ENDPOINT";

    /// <summary>
    /// The variable the .NET Lambda runtime client reads to choose how <c>Console</c> lines are written
    /// (<c>Constants.NET_RIC_LOG_FORMAT_ENVIRONMENT_VARIABLE</c> in aws/aws-lambda-dotnet
    /// <c>Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/Constants.cs</c>; CHANGELOG: "Added new environment
    /// variable <c>AWS_LAMBDA_HANDLER_LOG_FORMAT</c> to configure logging format. Supported values are <c>Default</c> and
    /// <c>Unformatted</c>.").
    /// </summary>
    public const string HandlerLogFormat = "AWS_LAMBDA_HANDLER_LOG_FORMAT";

    /// <summary>The value of <see cref="HandlerLogFormat"/> that writes <c>Console</c> lines (EMF documents) as they are.</summary>
    public const string UnformattedLogFormat = "Unformatted";
}
