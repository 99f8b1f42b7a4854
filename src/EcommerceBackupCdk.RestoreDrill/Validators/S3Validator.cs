using Amazon.S3;
using Amazon.S3.Model;
using EcommerceBackupCdk.RestoreDrill.Reports;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>S3: the restored bucket holds at least the minimum objects (first 1,000 listed) and a sample object is readable (first KiB). Read-only.</summary>
public sealed class S3Validator : IResourceValidator
{
    private const int SampleBytes = 1024;
    private readonly IAmazonS3 _s3;

    public S3Validator(IAmazonS3 s3)
    {
        _s3 = s3;
    }

    public async Task<ResourceValidation> ValidateAsync(ValidationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = new List<DrillCheck>();
        if (!ResourceArn.TryParse(context.CreatedResourceArn, out var arn) || arn.S3BucketName is not { } bucket)
        {
            checks.Add(DrillCheck.Fail("s3.arn", $"'{context.CreatedResourceArn}' is not an S3 bucket ARN (arn:aws:s3:::<bucket>)"));
            return new ResourceValidation { Checks = checks };
        }

        var listing = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1000 }, cancellationToken).ConfigureAwait(false);
        var objects = listing.S3Objects ?? [];
        var count = (long)objects.Count;
        var truncated = listing.IsTruncated == true;
        var minimum = context.Settings.MinimumRecordCount;
        var countText = truncated ? $"more than {count}" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        checks.Add(count >= minimum
            ? DrillCheck.Pass("s3.objectsPresent", $"bucket '{bucket}' holds {countText} objects (minimum {minimum})")
            : DrillCheck.Fail("s3.objectsPresent", $"bucket '{bucket}' holds {countText} objects, fewer than the minimum {minimum}; check the recovery point and the restore job's status message"));

        var sample = objects.FirstOrDefault(o => o.Size > 0) ?? objects.FirstOrDefault();
        if (sample is null)
        {
            checks.Add(DrillCheck.Skip("s3.sampleReadable", "no object to read"));
        }
        else
        {
            var get = new GetObjectRequest { BucketName = bucket, Key = sample.Key };
            if (sample.Size > 0)
            {
                get.ByteRange = new ByteRange(0, Math.Min(SampleBytes, sample.Size ?? SampleBytes) - 1);
            }

            using var response = await _s3.GetObjectAsync(get, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[SampleBytes];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await response.ResponseStream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += n;
            }

            var expected = Math.Min(SampleBytes, sample.Size ?? 0);
            checks.Add(read == expected
                ? DrillCheck.Pass("s3.sampleReadable", $"read {read} bytes of '{sample.Key}'")
                : DrillCheck.Fail("s3.sampleReadable", $"read {read} bytes of '{sample.Key}', expected {expected}; the object may be archived (Glacier) or its KMS key is not usable by the validator role"));
        }

        return new ResourceValidation { Checks = checks, RecordCount = count, DataValidated = true };
    }
}
