namespace EcommerceBackupCdk.RestoreDrill.Aws;

/// <summary>The three AWS wire protocols our minimal clients speak; it decides how errors are read.</summary>
internal enum AwsProtocol
{
    /// <summary>REST-JSON (AWS Backup).</summary>
    RestJson,

    /// <summary>JSON 1.1 with X-Amz-Target (Secrets Manager).</summary>
    Json11,

    /// <summary>Query protocol with XML answers (RDS).</summary>
    Query,
}
