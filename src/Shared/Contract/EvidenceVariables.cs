namespace EcommerceBackupCdk.Contract;

/// <summary>
/// Environment variables of the evidence index function (<c>EvidenceIndexFunction</c> sets them;
/// <c>EvidenceSettings.FromEnvironment</c> reads them).
/// </summary>
internal static class EvidenceVariables
{
    /// <summary>Required. Store name.</summary>
    public const string StoreName = "STORE_NAME";

    /// <summary>Required. The evidence bucket.</summary>
    public const string Bucket = "EVIDENCE_BUCKET";

    /// <summary>Required. JSON object: tier name to <see cref="EvidenceTierFields"/>.</summary>
    public const string Tiers = "EVIDENCE_TIERS";

    /// <summary>Optional. Comma-separated Audit Manager framework names.</summary>
    public const string Frameworks = "EVIDENCE_FRAMEWORKS";

    /// <summary>Optional. The drill report bucket; default the evidence bucket.</summary>
    public const string DrillReportBucket = "DRILL_REPORT_BUCKET";

    /// <summary>Set by Lambda: the function's region.</summary>
    public const string Region = "AWS_REGION";

    /// <summary>Optional S3 endpoint override (tests).</summary>
    public const string S3Endpoint = "EVIDENCE_S3_ENDPOINT";
}
