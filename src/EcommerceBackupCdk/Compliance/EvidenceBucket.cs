using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using Constructs;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// The bucket auditors get their evidence from: KMS-encrypted with its own rotating key, versioned, Object Lock in
/// compliance mode (nobody can delete or overwrite an object before its retention ends), TLS only, no public access,
/// server access logs in a separate bucket, retained when the stack is deleted. Its policy denies every write except
/// by the writers registered here: the AWS Backup Audit Manager reports role, CloudTrail, (optionally) AWS Config,
/// and the roles given to <see cref="AllowWriter"/> (drill validator, evidence index).
/// </summary>
public sealed class EvidenceBucket : Construct
{
    private readonly List<string> _writerArns = [];
    private readonly List<string> _writerServices = [];
    private readonly PolicyStatement _denyOtherWriters;

    /// <summary>Creates the key, the access-log bucket and the evidence bucket.</summary>
    public EvidenceBucket(Construct scope, string id, EvidenceBucketProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var problems = new ValidationProblems();
        AuditValidator.Validate(new AuditOptions { EvidenceRetention = props.Retention, AccessLogRetention = props.AccessLogRetention }, problems);
        PropsValidator.ValidateStoreName(props.StoreName, problems);
        problems.ThrowIfAny(nameof(EvidenceBucketProps));

        var stack = Stack.Of(this);
        Key = new Key(this, "Key", new KeyProps
        {
            Alias = $"alias/{new PhysicalNames(props.StoreName).EvidenceKeyAlias}",
            Description = $"Encrypts the audit evidence of store {props.StoreName}: Backup Audit Manager reports, CloudTrail logs, drill reports.",
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
            PendingWindow = Duration.Days(30),
        });
        KmsGrantPolicy.LimitToAwsServices(Key);

        // S3 server access logging only delivers into SSE-S3 buckets, so this one cannot use the KMS key.
        AccessLogs = new Bucket(this, "AccessLogs", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Versioned = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Expiration = Duration.Days(props.AccessLogRetention.TotalDays),
                    NoncurrentVersionExpiration = Duration.Days(1),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(1),
                },
            ],
        });
        NagSuppressions.Add(AccessLogs,
            ("AwsSolutions-S1", "This is the server access log bucket of the evidence bucket; logging it into itself would loop and S3 recommends a separate target."),
            ("NIST.800.53.R5-S3BucketLoggingEnabled", "This is the server access log bucket of the evidence bucket; logging it into itself would loop and S3 recommends a separate target."),
            ("PCI.DSS.321-S3BucketLoggingEnabled", "This is the server access log bucket of the evidence bucket; logging it into itself would loop and S3 recommends a separate target."),
            ("HIPAA.Security-S3BucketLoggingEnabled", "This is the server access log bucket of the evidence bucket; logging it into itself would loop and S3 recommends a separate target."),
            ("NIST.800.53.R5-S3DefaultEncryptionKMS", "S3 server access logging only delivers into buckets encrypted with SSE-S3 (AES256); SSE-KMS targets are not supported."),
            ("PCI.DSS.321-S3DefaultEncryptionKMS", "S3 server access logging only delivers into buckets encrypted with SSE-S3 (AES256); SSE-KMS targets are not supported."),
            ("HIPAA.Security-S3DefaultEncryptionKMS", "S3 server access logging only delivers into buckets encrypted with SSE-S3 (AES256); SSE-KMS targets are not supported."),
            ("NIST.800.53.R5-S3BucketReplicationEnabled", "Access logs are operational data kept 400 days in-region; the evidence they describe is itself immutable under Object Lock."),
            ("PCI.DSS.321-S3BucketReplicationEnabled", "Access logs are operational data kept 400 days in-region; the evidence they describe is itself immutable under Object Lock."),
            ("HIPAA.Security-S3BucketReplicationEnabled", "Access logs are operational data kept 400 days in-region; the evidence they describe is itself immutable under Object Lock."));
        ControlTowerControls.LogDestination(AccessLogs);
        ControlTowerControls.EventNotifications(AccessLogs, "Nothing reacts to access-log deliveries; they are read when investigating an access to the evidence.");

        Bucket = new Bucket(this, "Resource", new BucketProps
        {
            EncryptionKey = Key,
            Encryption = BucketEncryption.KMS,
            BucketKeyEnabled = true,
            EnforceSSL = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Versioned = true,
            ObjectLockEnabled = true,
            ObjectLockDefaultRetention = ObjectLockRetention.Compliance(Duration.Days(props.Retention.TotalDays)),
            RemovalPolicy = RemovalPolicy.RETAIN,
            // Free, and what CT.S3.PR.3/PR.6 (versioned buckets need an active lifecycle rule) ask for: parts of
            // uploads that never completed are removed; locked evidence itself is never expired by lifecycle.
            LifecycleRules = [new LifecycleRule { Id = "abort-incomplete-uploads", AbortIncompleteMultipartUploadAfter = Duration.Days(1) }],
        });
        ControlTowerControls.EventNotifications(Bucket, "Evidence is written by AWS services and read by auditors on demand; nothing needs to react to each object.");

        // The coverage check wants every bucket in a tier or excluded with a reason; these are not store data.
        Tags.Of(Bucket).Add(Tiers.TagContract.ExcludeKey, Tiers.TagContract.ExcludeValue);
        Tags.Of(Bucket).Add(Tiers.TagContract.ExclusionReasonKey, "Audit evidence: immutable under S3 Object Lock in compliance mode for its whole retention, not store data");
        Tags.Of(AccessLogs).Add(Tiers.TagContract.ExcludeKey, Tiers.TagContract.ExcludeValue);
        Tags.Of(AccessLogs).Add(Tiers.TagContract.ExclusionReasonKey, "S3 access logs of the evidence bucket: diagnostics expired by lifecycle, not store data");

        // Server access logging is set on the L1: the L2's ServerAccessLogsBucket grants the log service through an
        // ACL unless an app-wide feature flag is set, and ACLs are disabled on these buckets (BucketOwnerEnforced).
        // The logging service is granted by bucket policy instead, for this source bucket and account only.
        ((CfnBucket)Bucket.Node.DefaultChild!).LoggingConfiguration = new CfnBucket.LoggingConfigurationProperty
        {
            DestinationBucketName = AccessLogs.BucketName,
            LogFilePrefix = "evidence/",
        };
        AccessLogs.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowS3ServerAccessLogs",
            Principals = [new ServicePrincipal("logging.s3.amazonaws.com")],
            Actions = ["s3:PutObject"],
            Resources = [AccessLogs.ArnForObjects("evidence/*")],
            Conditions = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = Bucket.BucketArn },
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
            },
        }));
        NagSuppressions.Add(Bucket,
            ("NIST.800.53.R5-S3BucketReplicationEnabled", "Evidence is immutable in place (versioning + Object Lock compliance mode for the full retention); a replica would need a second locked bucket in the DR region, which the DR stacks do not hold yet."),
            ("PCI.DSS.321-S3BucketReplicationEnabled", "Evidence is immutable in place (versioning + Object Lock compliance mode for the full retention); a replica would need a second locked bucket in the DR region, which the DR stacks do not hold yet."),
            ("HIPAA.Security-S3BucketReplicationEnabled", "Evidence is immutable in place (versioning + Object Lock compliance mode for the full retention); a replica would need a second locked bucket in the DR region, which the DR stacks do not hold yet."));

        // Audit Manager writes with its service-linked role. For a bucket encrypted with a customer key, "The Principal
        // attribute must include the Backup Audit Manager service-linked role AWSServiceRolePolicyForBackupReports ARN."
        // (https://docs.aws.amazon.com/aws-backup/latest/devguide/create-report-plan-api.html). The account root with an
        // aws:PrincipalArn condition is not enough: a root principal only delegates to IAM policies, and the role's
        // policy (AWSServiceRolePolicyForBackupReports) grants no s3:PutObject or kms:*. The policies reject a principal
        // that does not exist, so the role is created first (or is a prerequisite). Checked by
        // Rules/BackupReportsServiceLinkedRole.
        var reportsRole = EvidenceLayout.ReportsRoleArn(stack.Partition, stack.Account);
        if (props.CreateReportsServiceLinkedRole)
        {
            ReportsRole = new CfnServiceLinkedRole(this, "ReportsRole", new CfnServiceLinkedRoleProps
            {
                AwsServiceName = EvidenceLayout.ReportsService,
                Description = "Backup Audit Manager writes reports into the evidence bucket with this role.",
            });
        }

        Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowBackupAuditManagerReports",
            Principals = [new ArnPrincipal(reportsRole)],
            Actions = ["s3:PutObject"],
            Resources = [Bucket.ArnForObjects($"{EvidenceLayout.ReportsPrefix}/*")],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["s3:x-amz-acl"] = "bucket-owner-full-control" },
            },
        }));
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowBackupAuditManagerReports",
            Principals = [new ArnPrincipal(reportsRole)],
            Actions = ["kms:GenerateDataKey", "kms:Decrypt"],
            Resources = ["*"],
        }));
        if (ReportsRole is not null)
        {
            ((CfnResource)Key.Node.DefaultChild!).AddDependency(ReportsRole);
            ((CfnResource)Bucket.Policy!.Node.DefaultChild!).AddDependency(ReportsRole);
        }

        _writerArns.Add(reportsRole);

        _denyOtherWriters = new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyWritesByAnyoneElse",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["s3:PutObject"],
            Resources = [Bucket.ArnForObjects("*")],
        });
        UpdateDeny();
        Bucket.AddToResourcePolicy(_denyOtherWriters);
    }

    /// <summary>The evidence bucket.</summary>
    public IBucket Bucket { get; }

    /// <summary>The Backup Audit Manager service-linked role, when <see cref="EvidenceBucketProps.CreateReportsServiceLinkedRole"/> is set.</summary>
    public CfnServiceLinkedRole? ReportsRole { get; }

    /// <summary>The bucket receiving the evidence bucket's server access logs.</summary>
    public IBucket AccessLogs { get; }

    /// <summary>The key encrypting the evidence (and the trail).</summary>
    public IKey Key { get; }

    /// <summary>Principal ARNs allowed to write, besides the services in <see cref="WriterServices"/>.</summary>
    public IReadOnlyList<string> WriterArns => _writerArns;

    /// <summary>Service principals allowed to write (CloudTrail, AWS Config).</summary>
    public IReadOnlyList<string> WriterServices => _writerServices;

    /// <summary>
    /// Lets a role (of this account) write under one prefix (e.g. the drill validator under <c>drills/</c>) and encrypt with the key;
    /// every other identity stays denied.
    /// </summary>
    public void AllowWriter(IRole role, string prefix)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        // The bucket side is granted in the bucket policy, next to the deny that names the writers.
        Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [new ArnPrincipal(role.RoleArn)],
            Actions = ["s3:PutObject"],
            Resources = [Bucket.ArnForObjects($"{prefix.TrimEnd('/')}/*")],
        }));
        // The key side goes on the role (a managed policy): a key policy naming the role would close a dependency
        // cycle key -> role -> policy -> bucket -> key. The key policy delegates to IAM of this account.
        new ManagedPolicy(this, $"{char.ToUpperInvariant(prefix[0])}{prefix[1..].TrimEnd('/')}Writer", new ManagedPolicyProps
        {
            Description = $"Encrypt evidence written under {prefix.TrimEnd('/')}/ with the evidence key.",
            Statements = [new PolicyStatement(new PolicyStatementProps { Actions = ["kms:GenerateDataKey", "kms:Decrypt"], Resources = [Key.KeyArn] })],
            Roles = [role],
        });
        _writerArns.Add(role.RoleArn);
        UpdateDeny();
    }

    /// <summary>Lets an AWS service principal write (its own statements come from the service's construct).</summary>
    public void AllowWriterService(string servicePrincipal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(servicePrincipal);
        if (!_writerServices.Contains(servicePrincipal))
        {
            _writerServices.Add(servicePrincipal);
            UpdateDeny();
        }
    }

    // A missing aws:PrincipalArn (service principals) makes ArnNotLike true, so services are let through by name.
    private void UpdateDeny()
    {
        _denyOtherWriters.AddCondition("ArnNotLike", new Dictionary<string, object> { ["aws:PrincipalArn"] = _writerArns.ToArray() });
        if (_writerServices.Count > 0)
        {
            _denyOtherWriters.AddCondition("StringNotEqualsIfExists", new Dictionary<string, object> { ["aws:PrincipalServiceName"] = _writerServices.ToArray() });
        }
    }
}
