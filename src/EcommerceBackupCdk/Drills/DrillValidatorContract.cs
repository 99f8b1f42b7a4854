namespace EcommerceBackupCdk.Drills;

/// <summary>
/// The public face of what the validator Lambda (<c>src/EcommerceBackupCdk.RestoreDrill</c>) and this construct agree on:
/// handler, EMF metric namespace, names and dimensions, and the drill report key layout. The values live in the shared
/// contract source both projects compile (<c>src/Shared/Contract</c>: <see cref="ContractHandlers"/>,
/// <see cref="DrillMetricNames"/>, <see cref="BucketPrefixes"/>, <see cref="RestoreTestNames"/>; the environment
/// variables in <see cref="DrillVariables"/>); these members only expose them to users of the library.
/// </summary>
public static class DrillValidatorContract
{
    /// <summary>Directory of the validator project, relative to the repository root.</summary>
    public const string ProjectDirectory = "src/EcommerceBackupCdk.RestoreDrill";

    /// <summary>The validator project file name.</summary>
    public const string ProjectFile = "EcommerceBackupCdk.RestoreDrill.csproj";

    /// <summary>The assembly Lambda loads; the published package must contain it.</summary>
    public const string Assembly = ContractHandlers.AssemblyName + ".dll";

    /// <summary>Lambda handler string (a Stream-in, Stream-out handler, no Amazon.Lambda.* packages).</summary>
    public const string Handler = ContractHandlers.DrillValidator;

    /// <summary>The managed runtime name; CDK 2.160 has no constant for it.</summary>
    public const string RuntimeName = "dotnet10";

    /// <summary>EMF metric namespace.</summary>
    public const string MetricNamespace = DrillMetricNames.Namespace;

    /// <summary>Dimension naming the store.</summary>
    public const string StoreDimension = DrillMetricNames.StoreDimension;

    /// <summary>Dimension naming the AWS Backup resource type (<see cref="DrillResourceTypes.ProtectedResourceType"/>).</summary>
    public const string ResourceTypeDimension = DrillMetricNames.ResourceTypeDimension;

    /// <summary>Seconds from restore job creation to completion: the measured RTO.</summary>
    public const string RestoreDurationSeconds = DrillMetricNames.RestoreDurationSeconds;

    /// <summary>Seconds from recovery point creation to restore job creation.</summary>
    public const string RecoveryPointAgeSeconds = DrillMetricNames.RecoveryPointAgeSeconds;

    /// <summary>Seconds from the newest order/cart in the restored data to the recovery point: the measured RPO.</summary>
    public const string DataFreshnessSeconds = DrillMetricNames.DataFreshnessSeconds;

    /// <summary>1 when the drill succeeded, 0 when it failed; one datapoint per drill.</summary>
    public const string Success = DrillMetricNames.Success;

    /// <summary>Prefix of drill report keys: <c>drills/yyyy/MM/dd/&lt;restoreJobId&gt;.json</c>.</summary>
    public const string ReportPrefix = BucketPrefixes.DrillReports;

    /// <summary>
    /// Name prefix of the DynamoDB tables and S3 buckets a restore test creates: "targetTableName (value set to random value
    /// starting with awsbackup-restore-test-)" ("Restore testing inferred metadata",
    /// https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing-inferred-metadata.html), and the restore testing
    /// service-linked role deletes only "arn:aws:s3:::awsbackup-restore-test-*" buckets and
    /// "table/awsbackup-restore-test-*" tables (AWSServiceRolePolicyForBackupRestoreTesting). IAM access to tables and
    /// buckets is scoped to it. RDS/Aurora copies are not documented to use it; see <see cref="RestoreTestTagKey"/>.
    /// </summary>
    public const string RestoredResourcePrefix = "awsbackup-restore-test";

    /// <summary>
    /// The tag key every RDS/Aurora/EBS/EFS resource a restore test creates carries (AWSServiceRolePolicyForBackupRestoreTesting
    /// deletes only resources where <c>aws:ResourceTag/awsbackup-restore-test</c> is not null,
    /// https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceRolePolicyForBackupRestoreTesting.html);
    /// the drill flow's temporary Aurora instance carries it too.
    /// </summary>
    public const string RestoreTestTagKey = RestoreTestNames.TagKey;

    /// <summary>
    /// Suffix of the drill flow's temporary Aurora instance identifier (<c>&lt;restored cluster&gt;-drill</c>); only
    /// instances named so may be created and tagged by the validator.
    /// </summary>
    public const string TemporaryInstanceSuffix = RestoreTestNames.TemporaryInstanceSuffix;

    /// <summary>
    /// The variable the .NET Lambda runtime client reads to choose how <c>Console</c> lines are written
    /// (<c>Constants.NET_RIC_LOG_FORMAT_ENVIRONMENT_VARIABLE</c> in aws/aws-lambda-dotnet
    /// <c>Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/Constants.cs</c>; CHANGELOG: "Added new environment
    /// variable <c>AWS_LAMBDA_HANDLER_LOG_FORMAT</c> to configure logging format. Supported values are <c>Default</c> and
    /// <c>Unformatted</c>."). It is read before <c>AWS_LAMBDA_LOG_FORMAT</c>, the one Lambda sets from the function's
    /// LoggingConfig.
    /// </summary>
    public const string HandlerLogFormatVariable = DrillVariables.HandlerLogFormat;

    /// <summary>
    /// The value that makes the runtime write <c>Console</c> lines as they are. The runtime wraps <c>Console.Out</c>
    /// (<c>ConsoleLoggerWriter.WrapperTextWriter</c>): by default its <c>DefaultLogMessageFormatter</c> prefixes every
    /// line with timestamp, request id and level, and with log format <c>Json</c> its <c>JsonLogMessageFormatter</c>
    /// writes the line as the string value of a <c>"message"</c> property; either way the EMF document is no longer the
    /// log event itself, and CloudWatch extracts metrics only from "structured log events" that are the EMF JSON object
    /// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
    /// With <c>Unformatted</c> the formatter is <c>DefaultLogMessageFormatter(addPrefix: false)</c>, which writes the
    /// message alone. So the function must keep the Text log format and set this variable.
    /// </summary>
    public const string UnformattedLogFormat = DrillVariables.UnformattedLogFormat;

    /// <summary>The drill flow's Lambda actions (the payload's <c>action</c>).</summary>
    public static IReadOnlyList<string> FlowActions => DrillFlowContract.Actions;

    /// <summary>SQL probe presets the validator knows.</summary>
    public static IReadOnlyList<string> SqlPresets => Contract.SqlPresets.All;
}
