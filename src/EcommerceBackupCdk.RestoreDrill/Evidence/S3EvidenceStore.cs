using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>The evidence bucket. Object Lock and encryption are the bucket's defaults; writes send a checksum, which Object Lock requires.</summary>
public sealed class S3EvidenceStore : IEvidenceStore
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;

    public S3EvidenceStore(IAmazonS3 s3, string bucket)
    {
        _s3 = s3;
        _bucket = bucket;
    }

    public async Task<IReadOnlyList<EvidenceObject>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var found = new List<EvidenceObject>();
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await _s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            found.AddRange((response.S3Objects ?? []).Select(o => new EvidenceObject(o.Key, o.Size ?? 0, new DateTimeOffset(o.LastModified ?? DateTime.UnixEpoch, TimeSpan.Zero))));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return found;
    }

    public async Task<string> ReadTextAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await _s3.GetObjectAsync(_bucket, key, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteTextAsync(string key, string content, string contentType, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(content));
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = body,
            ContentType = contentType,
            ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
        }, cancellationToken).ConfigureAwait(false);
    }
}
