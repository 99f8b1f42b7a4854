using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// The optional AWS Control Tower proactive controls, met or suppressed in one place per resource kind: in
/// <see cref="ControlTowerOptions.Strict"/> mode the resource complies; otherwise the control is suppressed on the
/// resource with the caller's reason (through <see cref="NagSuppressions"/>, next to the cdk-nag suppressions).
/// </summary>
public static class ControlTowerControls
{
    /// <summary>CT.S3.PR.4: event notifications configured.</summary>
    public const string S3EventNotifications = "CT.S3.PR.4";

    /// <summary>CT.S3.PR.9: S3 Object Lock activated.</summary>
    public const string S3ObjectLock = "CT.S3.PR.9";

    /// <summary>CT.S3.PR.2: server access logging configured.</summary>
    public const string S3AccessLogging = "CT.S3.PR.2";

    /// <summary>CT.S3.PR.10: SSE-KMS default encryption.</summary>
    public const string S3KmsEncryption = "CT.S3.PR.10";

    /// <summary>CT.LAMBDA.PR.3: function in a customer-managed VPC.</summary>
    public const string LambdaInVpc = "CT.LAMBDA.PR.3";

    /// <summary>
    /// A server access log destination cannot have Object Lock, and logging it would log the log deliveries; the
    /// reasons, with the S3 documentation they rest on.
    /// </summary>
    public const string LogDestinationNoObjectLock =
        "S3 server access log destination: 'S3 buckets with Object Lock can't be used as destination buckets for server access logs' " +
        "(https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-configure.html). Not met in strict mode either.";

    /// <summary>
    /// See <see cref="LogDestinationNoObjectLock"/>. Not proven impossible: the log destinations stay on SSE-S3 (as the
    /// cdk-nag suppressions next to them say); whether S3 log delivery works into an SSE-KMS bucket is not settled here
    /// (the aws-cdk change aws/aws-cdk#25350 says it does with the right key policy), so no strict mode covers it yet.
    /// </summary>
    public const string LogDestinationNoKms =
        "S3 server access log destination kept on SSE-S3 (AES256) default encryption, the encryption S3 log delivery is set up for here; it holds request logs, not store data. Not met in strict mode either.";

    /// <summary>See <see cref="LogDestinationNoObjectLock"/>.</summary>
    public const string LogDestinationNotLogged =
        "This bucket is the server access log destination; S3 says 'Your target bucket should not have server access logging enabled' " +
        "(https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html): logging it would only log the log deliveries. Not met in strict mode either.";

    private const string StrictHint = " Set controlTower.strict (ControlTowerOptions.Strict) to meet it.";

    /// <summary>True when <see cref="ControlTowerOptions.Strict"/> is on for this scope (construct context).</summary>
    public static bool IsStrict(IConstruct scope) =>
        scope.Node.TryGetContext(ControlTowerOptions.StrictContextKey) switch
        {
            bool b => b,
            string s => bool.TryParse(s, out var b) && b,
            _ => false,
        };

    /// <summary>CT.S3.PR.4: EventBridge notifications on in strict mode, else suppressed with the reason.</summary>
    public static void EventNotifications(IBucket bucket, string reason)
    {
        if (!IsStrict(bucket))
        {
            NagSuppressions.Add(bucket, (S3EventNotifications, reason + StrictHint));
            return;
        }

        // "If enabled, all events will be sent to EventBridge and you can use EventBridge rules to route events to
        // additional targets." (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-s3-bucket-eventbridgeconfiguration.html)
        // Set on the L1: the L2's eventBridgeEnabled goes through a custom-resource Lambda, itself a new function to govern.
        ((CfnBucket)bucket.Node.DefaultChild!).NotificationConfiguration = new CfnBucket.NotificationConfigurationProperty
        {
            EventBridgeConfiguration = new CfnBucket.EventBridgeConfigurationProperty { EventBridgeEnabled = true },
        };
    }

    /// <summary>
    /// CT.S3.PR.9: Object Lock on in strict mode, else suppressed with the reason. A bucket that can never hold Object
    /// Lock (a server access log destination) passes <paramref name="impossible"/>: suppressed in both modes.
    /// </summary>
    public static void ObjectLock(IBucket bucket, string reason, bool impossible = false)
    {
        if (impossible || !IsStrict(bucket))
        {
            NagSuppressions.Add(bucket, (S3ObjectLock, impossible ? reason : reason + StrictHint));
            return;
        }

        // Object Lock on, without a default retention: nothing is locked until someone sets a retention or a legal
        // hold, so lifecycle expiry and deletions keep working. It cannot be turned off again: "After you enable Object
        // Lock on a bucket, you can't disable Object Lock or suspend versioning for that bucket."
        // (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-configure.html)
        ((CfnBucket)bucket.Node.DefaultChild!).ObjectLockEnabled = true;
    }

    /// <summary>The controls a server access log destination can never meet, suppressed with their reasons.</summary>
    public static void LogDestination(IBucket bucket)
    {
        NagSuppressions.Add(bucket,
            (S3AccessLogging, LogDestinationNotLogged),
            (S3KmsEncryption, LogDestinationNoKms));
        ObjectLock(bucket, LogDestinationNoObjectLock, impossible: true);
    }

    /// <summary>CT.LAMBDA.PR.3 on a function outside a VPC: suppressed with the reason unless strict (then the gate fails, naming it).</summary>
    public static void FunctionOutsideVpc(IFunction function, string reason)
    {
        var cfn = (CfnFunction)function.Node.DefaultChild!;
        if (cfn.VpcConfig is null && !IsStrict(function))
        {
            NagSuppressions.Add(function, (LambdaInVpc, reason + StrictHint));
        }
    }
}
