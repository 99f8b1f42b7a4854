namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>
/// Where CloudTrail puts digest files below <see cref="BucketPrefixes.Trail"/>; the bucket's prefixes themselves are in
/// the shared contract (<see cref="BucketPrefixes"/>).
/// </summary>
public static class EvidencePrefixes
{
    /// <summary>CloudTrail puts digest files under AWSLogs/&lt;account&gt;/CloudTrail-Digest/&lt;region&gt;/yyyy/MM/dd/.</summary>
    public const string DigestFolder = "/CloudTrail-Digest/";
}
