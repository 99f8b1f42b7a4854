using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>Official AWSSDK.S3 client against moto_server.</summary>
public static class MotoS3
{
    public static AmazonS3Client Client() => new(
        new BasicAWSCredentials(LocalAwsServer.AccessKey, LocalAwsServer.SecretKey),
        new AmazonS3Config { ServiceURL = TestServices.MotoEndpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = TestArns.Region });

    public static async Task<string> CreateBucketAsync(IAmazonS3 s3, string? name = null, params (string Key, string Body)[] objects)
    {
        var bucket = name ?? ("drill-" + Guid.NewGuid().ToString("N")[..20]);
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, BucketRegionName = TestArns.Region });
        foreach (var (key, body) in objects)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body });
        }

        return bucket;
    }

    public static async Task<string?> ReadAsync(IAmazonS3 s3, string bucket, string key)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, key);
            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
