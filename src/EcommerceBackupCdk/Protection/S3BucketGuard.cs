using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// S3 buckets: versioning on; a whole-bucket lifecycle rule moving noncurrent versions to Glacier Instant Retrieval and
/// expiring them after the tier's retention (and no rule expiring them sooner); all four public-access blocks;
/// default encryption; a bucket policy denying requests without TLS.
/// </summary>
internal sealed class S3BucketGuard : IResourceGuard
{
    private static readonly string[] PublicAccessFlags = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"];

    public bool AppliesTo(CfnResource resource) => resource is CfnBucket;

    public void Enforce(CfnResource resource, TierProtection tier)
    {
        var bucket = (CfnBucket)resource;
        var problems = new ValidationProblems();
        Verify(resource, tier, problems);
        bool Missing(string key) => problems.All.Any(p => p.StartsWith(key, StringComparison.Ordinal));

        if (Missing("VersioningConfiguration"))
        {
            bucket.VersioningConfiguration = new CfnBucket.VersioningConfigurationProperty { Status = "Enabled" };
        }

        if (Missing("PublicAccessBlockConfiguration"))
        {
            bucket.PublicAccessBlockConfiguration = new CfnBucket.PublicAccessBlockConfigurationProperty
            {
                BlockPublicAcls = true,
                BlockPublicPolicy = true,
                IgnorePublicAcls = true,
                RestrictPublicBuckets = true,
            };
        }

        if (Missing("BucketEncryption"))
        {
            // SSE-S3: needs no key the aspect would have to invent; give the bucket a KMS key yourself for SSE-KMS.
            bucket.BucketEncryption = new CfnBucket.BucketEncryptionProperty
            {
                ServerSideEncryptionConfiguration = new object[]
                {
                    new CfnBucket.ServerSideEncryptionRuleProperty
                    {
                        ServerSideEncryptionByDefault = new CfnBucket.ServerSideEncryptionByDefaultProperty { SseAlgorithm = "AES256" },
                    },
                },
            };
        }

        if (Missing("LifecycleConfiguration.Rules"))
        {
            AddNoncurrentVersionRule(bucket, tier);
        }

        if (Missing("BucketPolicy"))
        {
            AddTlsOnlyStatement(bucket);
        }
    }

    public void Verify(CfnResource resource, TierProtection tier, ValidationProblems problems)
    {
        var bucket = (CfnBucket)resource;
        var versioning = Resolved.Of(bucket, bucket.VersioningConfiguration);
        var status = Resolved.Get(versioning, "status");
        if (!Resolved.IsUnknown(versioning) && !Resolved.IsUnknown(status) && status as string != "Enabled")
        {
            problems.Add("VersioningConfiguration.Status", "versioning is off; an overwritten or deleted object cannot be restored", Guards.Show(status), "'Enabled'");
        }

        var block = Resolved.Of(bucket, bucket.PublicAccessBlockConfiguration);
        if (!Resolved.IsUnknown(block))
        {
            foreach (var flag in PublicAccessFlags)
            {
                var value = Resolved.Get(block, flag);
                if (!Resolved.IsUnknown(value) && Resolved.Bool(value) != true)
                {
                    problems.Add($"PublicAccessBlockConfiguration.{flag}", "public access is not blocked", Guards.Show(Resolved.Bool(value)), "true");
                }
            }
        }

        var encryption = Resolved.Of(bucket, bucket.BucketEncryption);
        if (!Resolved.IsUnknown(encryption) && Resolved.Items(Resolved.Get(encryption, "serverSideEncryptionConfiguration")).Count == 0)
        {
            problems.Add("BucketEncryption.ServerSideEncryptionConfiguration", "default encryption is not configured", "not set", "an SSE-S3 or SSE-KMS rule");
        }

        VerifyLifecycle(bucket, tier, problems);

        if (TlsOnly(bucket) == false)
        {
            problems.Add("BucketPolicy", "no bucket policy statement denies requests without TLS", "no Deny on aws:SecureTransport=false",
                "a Deny statement with condition Bool aws:SecureTransport=false");
        }
    }

    private static void VerifyLifecycle(CfnBucket bucket, TierProtection tier, ValidationProblems problems)
    {
        var lifecycle = Resolved.Of(bucket, bucket.LifecycleConfiguration);
        if (Resolved.IsUnknown(lifecycle))
        {
            return;
        }

        var rules = Resolved.Items(Resolved.Get(lifecycle, "rules"));
        var transitionDays = (int)tier.NoncurrentVersionTransitionAfter.TotalDays;
        var compliant = false;
        foreach (var rule in rules)
        {
            if (Resolved.Get(rule, "status") as string != "Enabled")
            {
                continue;
            }

            var expiration = NoncurrentExpirationDays(rule);
            if (expiration is { } early && early < tier.RetentionDays)
            {
                problems.Add("LifecycleConfiguration.Rules", $"rule '{Resolved.Get(rule, "id") ?? "(no id)"}' expires noncurrent versions before the tier's retention",
                    $"{early} days", $"at least {tier.RetentionDays} days ({Guards.Of(tier)})");
            }

            var wholeBucket = Resolved.Get(rule, "prefix") is null or "" && Resolved.Get(rule, "tagFilters") is null
                && Resolved.Get(rule, "objectSizeGreaterThan") is null && Resolved.Get(rule, "objectSizeLessThan") is null;
            var toGlacierIr = Resolved.Items(Resolved.Get(rule, "noncurrentVersionTransitions"))
                .Append(Resolved.Get(rule, "noncurrentVersionTransition"))
                .Any(t => Resolved.Get(t, "storageClass") as string == ProtectionDefaults.NoncurrentVersionsStorageClass
                          && Resolved.Number(Resolved.Get(t, "transitionInDays")) <= transitionDays);
            if (wholeBucket && toGlacierIr && expiration >= tier.RetentionDays)
            {
                compliant = true;
            }
        }

        if (!compliant)
        {
            problems.Add("LifecycleConfiguration.Rules", "no enabled whole-bucket rule moves noncurrent versions to Glacier Instant Retrieval and expires them after the tier's retention",
                $"{rules.Count} rule(s)",
                $"noncurrent versions to {ProtectionDefaults.NoncurrentVersionsStorageClass} after at most {transitionDays} days, expired after {tier.RetentionDays} days ({Guards.Of(tier)})");
        }
    }

    private static int? NoncurrentExpirationDays(object? rule)
    {
        var days = Resolved.Number(Resolved.Get(Resolved.Get(rule, "noncurrentVersionExpiration"), "noncurrentDays"))
                   ?? Resolved.Number(Resolved.Get(rule, "noncurrentVersionExpirationInDays"));
        return days is null ? null : (int)days;
    }

    private static void AddNoncurrentVersionRule(CfnBucket bucket, TierProtection tier)
    {
        if (bucket.Node.Scope is Bucket l2)
        {
            l2.AddLifecycleRule(new LifecycleRule
            {
                Id = ProtectionDefaults.NoncurrentVersionsRuleId,
                Enabled = true,
                NoncurrentVersionTransitions =
                [
                    new NoncurrentVersionTransition
                    {
                        StorageClass = StorageClass.GLACIER_INSTANT_RETRIEVAL,
                        TransitionAfter = Duration.Days(tier.NoncurrentVersionTransitionAfter.TotalDays),
                    },
                ],
                NoncurrentVersionExpiration = Duration.Days(tier.RetentionDays),
            });
            return;
        }

        var ours = new CfnBucket.RuleProperty
        {
            Id = ProtectionDefaults.NoncurrentVersionsRuleId,
            Status = "Enabled",
            NoncurrentVersionTransitions = new object[]
            {
                new CfnBucket.NoncurrentVersionTransitionProperty
                {
                    StorageClass = ProtectionDefaults.NoncurrentVersionsStorageClass,
                    TransitionInDays = tier.NoncurrentVersionTransitionAfter.TotalDays,
                },
            },
            NoncurrentVersionExpiration = new CfnBucket.NoncurrentVersionExpirationProperty { NoncurrentDays = tier.RetentionDays },
        };
        // The L1 getter hands back an untyped object; its resolved rules are re-submitted as they were, ours appended.
        var lifecycle = Resolved.Of(bucket, bucket.LifecycleConfiguration);
        if (Resolved.IsUnknown(lifecycle) || Resolved.IsUnknown(Resolved.Get(lifecycle, "rules")))
        {
            return; // Only known at deploy time; verification reports the gap.
        }

        var existing = Resolved.Items(Resolved.Get(lifecycle, "rules")).Select(rule => (object)Token.AsAny(Resolved.ToJsii(rule)!));
        bucket.LifecycleConfiguration = new CfnBucket.LifecycleConfigurationProperty { Rules = existing.Append(ours).ToArray() };
    }

    private static void AddTlsOnlyStatement(CfnBucket bucket)
    {
        var statement = new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyRequestsWithoutTls",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["s3:*"],
            Resources = [bucket.AttrArn, $"{bucket.AttrArn}/*"],
            Conditions = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
        });

        if (bucket.Node.Scope is Bucket l2)
        {
            l2.AddToResourcePolicy(statement);
            return;
        }

        var existing = PoliciesOf(bucket).FirstOrDefault();
        if (existing is null)
        {
            _ = new CfnBucketPolicy((Constructs.Construct)bucket.Node.Scope!, $"{bucket.Node.Id}TlsOnlyPolicy", new CfnBucketPolicyProps
            {
                Bucket = bucket.Ref,
                PolicyDocument = new PolicyDocument(new PolicyDocumentProps { Statements = [statement] }),
            });
        }
        else if (existing.Node.Scope is BucketPolicy owner)
        {
            owner.Document.AddStatements(statement);
        }

        // A raw L1 policy with a literal document cannot be amended safely; verification reports the gap.
    }

    /// <summary>True when a policy denies non-TLS requests, false when none does, null when unknown.</summary>
    private static bool? TlsOnly(CfnBucket bucket)
    {
        foreach (var policy in PoliciesOf(bucket))
        {
            var document = Resolved.Of(policy, policy.PolicyDocument);
            if (Resolved.IsUnknown(document))
            {
                return null;
            }

            foreach (var statement in Resolved.Items(Resolved.Get(document, "Statement")))
            {
                var secure = Resolved.Get(Resolved.Get(Resolved.Get(statement, "Condition"), "Bool"), "aws:SecureTransport");
                if (Resolved.Get(statement, "Effect") as string == "Deny" && Resolved.Bool(secure) == false)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<CfnBucketPolicy> PoliciesOf(CfnBucket bucket)
    {
        var stack = Stack.Of(bucket);
        var reference = Newtonsoft.Json.JsonConvert.SerializeObject(stack.Resolve(bucket.Ref));
        var name = bucket.BucketName is { } n && !Token.IsUnresolved(n) ? Newtonsoft.Json.JsonConvert.SerializeObject(n) : null;
        foreach (var child in stack.Node.FindAll())
        {
            if (child is CfnBucketPolicy policy)
            {
                var target = Newtonsoft.Json.JsonConvert.SerializeObject(stack.Resolve(policy.Bucket));
                if (target == reference || target == name)
                {
                    yield return policy;
                }
            }
        }
    }
}
