namespace EcommerceBackupCdk.RestoreDrill.Evidence;

/// <summary>
/// Layout of the evidence bucket; mirrors <c>EcommerceBackupCdk.Compliance.EvidenceLayout</c> in the construct library
/// (this project does not reference the library). Change both together.
/// </summary>
public static class EvidencePrefixes
{
    public const string Reports = "backup-reports/";
    public const string Trail = "cloudtrail/";
    public const string Drills = "drills/";
    public const string Index = "evidence-index/";

    /// <summary>CloudTrail puts digest files under AWSLogs/&lt;account&gt;/CloudTrail-Digest/&lt;region&gt;/yyyy/MM/dd/.</summary>
    public const string DigestFolder = "/CloudTrail-Digest/";
}
