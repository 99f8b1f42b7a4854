using Amazon.CDK;
using Amazon.CDK.AWS.CloudTrail;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// A tamper-evident record of who did what: a multi-region CloudTrail trail of all management events (AWS Backup,
/// KMS, RDS, DynamoDB, S3 control plane, IAM, ...) with log file validation (signed hourly digest files), encrypted
/// with the evidence key, delivered into the locked evidence bucket and copied to an encrypted CloudWatch Logs group
/// for queries and alarms.
/// </summary>
public sealed class AuditTrail : Construct
{
    /// <summary>Creates the trail.</summary>
    public AuditTrail(Construct scope, string id, AuditTrailProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        TrailName = $"{props.StoreName}-backup-audit";
        var trailArn = $"arn:{stack.Partition}:cloudtrail:{stack.Region}:{stack.Account}:trail/{TrailName}";
        var key = props.Evidence.Key;

        // CloudTrail's documented key policy: encrypt for trails of this account, and only for this trail.
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudTrailEncrypt",
            Principals = [new ServicePrincipal("cloudtrail.amazonaws.com")],
            Actions = ["kms:GenerateDataKey*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringLike"] = new Dictionary<string, object> { ["kms:EncryptionContext:aws:cloudtrail:arn"] = $"arn:{stack.Partition}:cloudtrail:*:{stack.Account}:trail/*" },
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = trailArn },
            },
        }));
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudTrailDescribeKey",
            Principals = [new ServicePrincipal("cloudtrail.amazonaws.com")],
            Actions = ["kms:DescribeKey"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = trailArn } },
        }));
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudWatchLogsForTrail",
            Principals = [new ServicePrincipal($"logs.{stack.Region}.amazonaws.com")],
            Actions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object> { ["kms:EncryptionContext:aws:logs:arn"] = $"arn:{stack.Partition}:logs:{stack.Region}:{stack.Account}:log-group:*" },
            },
        }));

        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            EncryptionKey = key,
            Retention = AuditDefaults.TrailLogGroupRetention,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        props.Evidence.AllowWriterService("cloudtrail.amazonaws.com");
        Trail = new Trail(this, "Resource", new TrailProps
        {
            TrailName = TrailName,
            Bucket = props.Evidence.Bucket,
            S3KeyPrefix = EvidenceLayout.TrailPrefix,
            EncryptionKey = key,
            IsMultiRegionTrail = true,
            IncludeGlobalServiceEvents = true,
            EnableFileValidation = true,
            ManagementEvents = ReadWriteType.ALL,
            SendToCloudWatchLogs = true,
            CloudWatchLogGroup = LogGroup,
        });
    }

    /// <summary>The trail name.</summary>
    public string TrailName { get; }

    /// <summary>The trail.</summary>
    public Trail Trail { get; }

    /// <summary>The CloudWatch Logs copy of the trail.</summary>
    public ILogGroup LogGroup { get; }
}
