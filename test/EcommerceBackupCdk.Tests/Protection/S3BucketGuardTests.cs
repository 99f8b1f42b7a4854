using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Tiers;
using static EcommerceBackupCdk.Tests.Protection.ProtectionTestStacks;

namespace EcommerceBackupCdk.Tests.Protection;

public sealed class S3BucketGuardTests
{
    private static Bucket CompliantBucket(Stack stack, int expireAfterDays = 35) => new(stack, "Media", new BucketProps
    {
        Versioned = true,
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        Encryption = BucketEncryption.S3_MANAGED,
        EnforceSSL = true,
        LifecycleRules =
        [
            new LifecycleRule
            {
                NoncurrentVersionTransitions = [new NoncurrentVersionTransition { StorageClass = StorageClass.GLACIER_INSTANT_RETRIEVAL, TransitionAfter = Duration.Days(30) }],
                NoncurrentVersionExpiration = Duration.Days(expireAfterDays),
            },
        ],
    });

    [Fact]
    public void Enforce_BareL2Bucket_SetsEveryGuardRail()
    {
        var stack = Stack(ProtectionMode.Enforce);
        Tier(new Bucket(stack, "Media"), TierName.Critical);

        var props = Properties(stack, "AWS::S3::Bucket");

        props["VersioningConfiguration"]!.ToJsonString().Should().Be("""{"Status":"Enabled"}""");
        props["LifecycleConfiguration"]!.ToJsonString().Should().Be(
            """{"Rules":[{"Id":"ecommerce-backup-noncurrent-versions","NoncurrentVersionExpiration":{"NoncurrentDays":35},"NoncurrentVersionTransitions":[{"StorageClass":"GLACIER_IR","TransitionInDays":30}],"Status":"Enabled"}]}""");
        props["PublicAccessBlockConfiguration"]!.ToJsonString().Should().Be("""{"BlockPublicAcls":true,"BlockPublicPolicy":true,"IgnorePublicAcls":true,"RestrictPublicBuckets":true}""");
        props["BucketEncryption"]!.ToJsonString().Should().Contain("AES256");
        var policy = Properties(stack, "AWS::S3::BucketPolicy")["PolicyDocument"]!.ToJsonString();
        policy.Should().Contain("\"Effect\":\"Deny\"").And.Contain("\"aws:SecureTransport\":\"false\"");
    }

    [Fact]
    public void Enforce_L1Bucket_AddsATlsOnlyPolicyAndALifecycleRuleAfterExistingOnes()
    {
        var stack = Stack(ProtectionMode.Enforce, BackupTargets.Defaults);
        var bucket = new CfnBucket(stack, "Raw", new CfnBucketProps
        {
            LifecycleConfiguration = new CfnBucket.LifecycleConfigurationProperty
            {
                Rules = new object[] { new CfnBucket.RuleProperty { Id = "abort-uploads", Status = "Enabled", AbortIncompleteMultipartUpload = new CfnBucket.AbortIncompleteMultipartUploadProperty { DaysAfterInitiation = 7 } } },
            },
        });
        Tier(bucket, TierName.Standard);

        var rules = Properties(stack, "AWS::S3::Bucket")["LifecycleConfiguration"]!["Rules"]!.AsArray();

        rules.Select(r => r!["Id"]!.GetValue<string>()).Should().Equal("abort-uploads", "ecommerce-backup-noncurrent-versions");
        rules[1]!["NoncurrentVersionExpiration"]!["NoncurrentDays"]!.GetValue<int>().Should().Be(90, "the standard tier keeps weekly recovery points 90 days");
        Properties(stack, "AWS::S3::BucketPolicy")["Bucket"]!.ToJsonString().Should().Contain("Ref");
    }

    [Fact]
    public void Enforce_CompliantBucket_IsLeftAsItWas()
    {
        var stack = Stack(ProtectionMode.Enforce);
        Tier(CompliantBucket(stack), TierName.Critical);

        var rules = Properties(stack, "AWS::S3::Bucket")["LifecycleConfiguration"]!["Rules"]!.AsArray();

        rules.Should().HaveCount(1);
        Properties(stack, "AWS::S3::Bucket")["BucketEncryption"]!.ToJsonString().Should().Contain("AES256");
    }

    [Fact]
    public void Verify_BareBucket_FailsNamingEveryMissingProperty()
    {
        var stack = Stack(ProtectionMode.Verify);
        Tier(new CfnBucket(stack, "Media"), TierName.Critical);

        var error = SynthError(stack);

        error.Should().Contain("[Test/Media] AWS::S3::Bucket VersioningConfiguration.Status: versioning is off");
        error.Should().Contain("LifecycleConfiguration.Rules: no enabled whole-bucket rule moves noncurrent versions to Glacier Instant Retrieval and expires them after the tier's retention (got '0 rule(s)', allowed noncurrent versions to GLACIER_IR after at most 30 days, expired after 35 days (tier critical))");
        error.Should().Contain("PublicAccessBlockConfiguration.BlockPublicAcls: public access is not blocked");
        error.Should().Contain("BucketEncryption.ServerSideEncryptionConfiguration: default encryption is not configured");
        error.Should().Contain("BucketPolicy: no bucket policy statement denies requests without TLS");
    }

    [Fact]
    public void Verify_CompliantBucket_Synthesizes()
    {
        var stack = Stack(ProtectionMode.Verify);
        Tier(CompliantBucket(stack), TierName.Critical);

        SynthError(stack).Should().BeNull();
    }

    [Theory]
    [InlineData(ProtectionMode.Enforce)]
    [InlineData(ProtectionMode.Verify)]
    public void AnyMode_RuleExpiringNoncurrentVersionsBeforeTheTierRetention_Fails(ProtectionMode mode)
    {
        var stack = Stack(mode);
        Tier(CompliantBucket(stack, expireAfterDays: 7), TierName.Critical);

        SynthError(stack).Should().Contain("LifecycleConfiguration.Rules: rule '(no id)' expires noncurrent versions before the tier's retention (got '7 days', allowed at least 35 days (tier critical))");
    }
}
