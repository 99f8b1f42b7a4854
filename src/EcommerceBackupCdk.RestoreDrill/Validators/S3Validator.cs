using Amazon.S3;
using Amazon.S3.Model;
using EcommerceBackupCdk.RestoreDrill.Reports;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>S3: the restored bucket holds at least the minimum objects (listed page by page until the minimum is reached) and a sample object is readable (first KiB). Read-only.</summary>
public sealed class S3Validator : IResourceValidator
{
    private const int SampleBytes = 1024;

    /// <summary>Keys per ListObjectsV2 page: the documented maximum ("up to 1,000").</summary>
    internal const int PageSize = 1000;
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

        // ListObjectsV2 "Returns some or all (up to 1,000) of the objects in a bucket with each request", and
        // "NextContinuationToken is sent when isTruncated is true which means there are more keys in the bucket that can
        // be listed" (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html, as generated into the SDKs'
        // model docs). The next page is requested with it as ContinuationToken. Pages are read until the minimum is
        // reached or the listing ends, so a bucket of 1,500 objects passes a minimum of 1,200 and costs two requests.
        var minimum = context.Settings.MinimumRecordCount;
        var objects = new List<S3Object>();
        long count = 0;
        var truncated = false;
        string? token = null;
        var pages = 0;
        do
        {
            var listing = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = PageSize, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
            pages++;
            var page = listing.S3Objects ?? [];
            if (objects.Count == 0)
            {
                objects.AddRange(page);
            }

            count += page.Count;
            truncated = listing.IsTruncated == true;
            token = listing.NextContinuationToken;
            if (truncated && string.IsNullOrEmpty(token))
            {
                checks.Add(DrillCheck.Fail("s3.objectsPresent", $"ListObjectsV2 of bucket '{bucket}' said IsTruncated but gave no NextContinuationToken after {count} objects"));
                return new ResourceValidation { Checks = checks, RecordCount = count };
            }
        }
        while (truncated && count < minimum);

        var countText = truncated ? $"at least {count}" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        checks.Add(count >= minimum
            ? DrillCheck.Pass("s3.objectsPresent", $"bucket '{bucket}' holds {countText} objects (minimum {minimum}; {pages} listing page(s))")
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
