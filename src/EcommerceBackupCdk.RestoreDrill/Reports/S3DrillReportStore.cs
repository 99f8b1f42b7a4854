using System.Text;
using Amazon.S3;
using Amazon.S3.Model;

namespace EcommerceBackupCdk.RestoreDrill.Reports;

/// <summary>Writes reports to the drill report bucket (encryption and retention are the bucket's defaults).</summary>
public sealed class S3DrillReportStore : IDrillReportStore
{
    private readonly IAmazonS3 _s3;
    private readonly string _bucket;

    public S3DrillReportStore(IAmazonS3 s3, string bucket)
    {
        _s3 = s3;
        _bucket = bucket;
    }

    public async Task<string> WriteAsync(DrillReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var key = report.S3Key;
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(DrillReportJson.Serialize(report)));
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = body,
            ContentType = "application/json",
        }, cancellationToken).ConfigureAwait(false);
        return key;
    }
}
