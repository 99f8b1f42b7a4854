using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using EcommerceBackupCdk.Compliance;
using Constructs;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// The drill report bucket (KMS-encrypted, versioned, private, TLS-only, kept per config, retained on stack
/// deletion) and the bucket its access logs go to.
/// </summary>
internal static class DrillReportBucket
{
    private const string NoReplication =
        "Drill reports and their access logs are evidence about restore tests, not business data: losing the region loses no order, " +
        "and AWS Backup keeps each restore job's validation status and message itself. They are versioned and retained; the recovery " +
        "points they describe are what is copied to the DR region and account.";

    public static IBucket Create(Construct scope, string id, IKey key, TimeSpan retention)
    {
        var container = new Construct(scope, id);

        // Grant log delivery through the bucket policy instead of the LogDeliveryWrite ACL (no ACLs on either bucket).
        // The feature flag is read from this scope, so it applies here whatever the app sets.
        container.Node.SetContext("@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);
        var expiration = Duration.Days(retention.TotalDays);
        var accessLogs = new Bucket(container, "AccessLogs", new BucketProps
        {
            // S3 server access logs can only be delivered to SSE-S3 buckets.
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Versioned = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Expiration = expiration,
                    NoncurrentVersionExpiration = Duration.Days(DrillDefaults.NoncurrentReportRetention.TotalDays),
                },
            ],
        });
        NagSuppressions.Add(accessLogs,
            ("AwsSolutions-S1", "This is the access log bucket of the drill report bucket; logging it into itself would log its own log deliveries without end."),
            ("NIST.800.53.R5-S3BucketLoggingEnabled", "This is the access log bucket of the drill report bucket; logging it into itself would log its own log deliveries without end."),
            ("PCI.DSS.321-S3BucketLoggingEnabled", "This is the access log bucket of the drill report bucket; logging it into itself would log its own log deliveries without end."),
            ("HIPAA.Security-S3BucketLoggingEnabled", "This is the access log bucket of the drill report bucket; logging it into itself would log its own log deliveries without end."),
            ("NIST.800.53.R5-S3DefaultEncryptionKMS", "S3 server access logs can only be delivered to a bucket encrypted with SSE-S3, not SSE-KMS."),
            ("PCI.DSS.321-S3DefaultEncryptionKMS", "S3 server access logs can only be delivered to a bucket encrypted with SSE-S3, not SSE-KMS."),
            ("HIPAA.Security-S3DefaultEncryptionKMS", "S3 server access logs can only be delivered to a bucket encrypted with SSE-S3, not SSE-KMS."),
            ("NIST.800.53.R5-S3BucketReplicationEnabled", NoReplication),
            ("PCI.DSS.321-S3BucketReplicationEnabled", NoReplication),
            ("HIPAA.Security-S3BucketReplicationEnabled", NoReplication));
        ControlTowerControls.LogDestination(accessLogs);
        ControlTowerControls.EventNotifications(accessLogs, "Nothing reacts to access-log deliveries; they are read when investigating an access to the drill reports.");

        var reports = new Bucket(container, "Resource", new BucketProps
        {
            Encryption = BucketEncryption.KMS,
            EncryptionKey = key,
            BucketKeyEnabled = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Versioned = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            ServerAccessLogsBucket = accessLogs,
            ServerAccessLogsPrefix = "reports/",
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Prefix = DrillValidatorContract.ReportPrefix,
                    Expiration = expiration,
                    NoncurrentVersionExpiration = Duration.Days(DrillDefaults.NoncurrentReportRetention.TotalDays),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(1),
                },
            ],
        });
        // Neither bucket holds store data: the coverage check wants them excluded explicitly, with the reason.
        Tags.Of(accessLogs).Add(TagContract.ExcludeKey, TagContract.ExcludeValue);
        Tags.Of(accessLogs).Add(TagContract.ExclusionReasonKey, "S3 access logs of the drill report bucket: diagnostics expired by lifecycle, not store data");
        Tags.Of(reports).Add(TagContract.ExcludeKey, TagContract.ExcludeValue);
        Tags.Of(reports).Add(TagContract.ExclusionReasonKey, "Drill reports: versioned and retained by lifecycle in their own encrypted bucket, re-created by every weekly drill, not store data");
        NagSuppressions.Add(reports,
            ("NIST.800.53.R5-S3BucketReplicationEnabled", NoReplication),
            ("PCI.DSS.321-S3BucketReplicationEnabled", NoReplication),
            ("HIPAA.Security-S3BucketReplicationEnabled", NoReplication));
        ControlTowerControls.EventNotifications(reports, "The validator that writes each report also emits its metrics and alarms; nothing else needs to react to a new report.");
        ControlTowerControls.ObjectLock(reports, "Drill reports expire by lifecycle after the configured retention and are evidence about drills, not the evidence of record (that is the Object Lock evidence bucket).");
        return reports;
    }
}
