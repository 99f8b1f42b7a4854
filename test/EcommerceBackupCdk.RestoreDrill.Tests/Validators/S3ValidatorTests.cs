using Amazon.S3.Model;
using EcommerceBackupCdk.RestoreDrill.Aws;
using EcommerceBackupCdk.RestoreDrill.Configuration;
using EcommerceBackupCdk.RestoreDrill.Reports;
using EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;
using EcommerceBackupCdk.RestoreDrill.Validators;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Validators;

/// <summary>
/// S3Validator against moto_server with more than one ListObjectsV2 page (moto pages at MaxKeys like S3: at most 1,000
/// keys per response, IsTruncated and NextContinuationToken).
/// </summary>
public sealed class S3ValidatorTests : IAsyncLifetime
{
    private const int Objects = 1_050;

    // One bucket for the class: 1,050 PUTs once, not per test.
    private static readonly Lazy<Task<string>> SharedBucket = new(SeedAsync);
    private readonly Amazon.S3.AmazonS3Client _s3 = MotoS3.Client();
    private string _bucket = null!;

    public async Task InitializeAsync() => _bucket = await SharedBucket.Value;

    public Task DisposeAsync()
    {
        _s3.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<string> SeedAsync()
    {
        using var s3 = MotoS3.Client();
        var bucket = await MotoS3.CreateBucketAsync(s3);
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, Objects).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = $"media/{i:D5}.jpg", ContentBody = "jpeg" });
            }
            finally
            {
                gate.Release();
            }
        }));
        return bucket;
    }

    private ValidationContext Context(long minimum) => new()
    {
        Job = new RestoreJobDescription { RestoreJobId = "JOB", Status = "COMPLETED", ResourceType = "S3", CreatedResourceArn = $"arn:aws:s3:::{_bucket}" },
        CreatedResourceArn = $"arn:aws:s3:::{_bucket}",
        Settings = new ResourceSettings { Tier = ContractTiers.Critical, SqlPreset = SqlPresets.WooCommerce, MinimumRecordCount = minimum },
        Target = DrillTiers.Defaults[ContractTiers.Critical],
    };

    [Fact]
    public async Task Validate_MinimumAboveOnePage_ReadsTheNextPageAndPasses()
    {
        var result = await new S3Validator(_s3).ValidateAsync(Context(1_020), CancellationToken.None);

        result.RecordCount.Should().Be(Objects);
        var check = result.Checks.Single(c => c.Name == "s3.objectsPresent");
        check.Status.Should().Be(DrillCheck.Passed, check.Detail);
        check.Detail.Should().Contain($"holds {Objects} objects").And.Contain("2 listing page(s)");
    }

    [Fact]
    public async Task Validate_MinimumWithinTheFirstPage_StopsAfterOnePage()
    {
        var result = await new S3Validator(_s3).ValidateAsync(Context(10), CancellationToken.None);

        result.RecordCount.Should().Be(S3Validator.PageSize);
        result.Checks.Single(c => c.Name == "s3.objectsPresent").Detail.Should().Contain("at least 1000").And.Contain("1 listing page(s)");
    }

    [Fact]
    public async Task Validate_MinimumAboveEverything_FailsWithTheFullCount()
    {
        var result = await new S3Validator(_s3).ValidateAsync(Context(2_000), CancellationToken.None);

        var check = result.Checks.Single(c => c.Name == "s3.objectsPresent");
        check.Status.Should().Be(DrillCheck.Failed);
        check.Detail.Should().Contain($"holds {Objects} objects, fewer than the minimum 2000");
    }
}
