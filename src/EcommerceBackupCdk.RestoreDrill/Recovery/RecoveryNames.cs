using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>
/// Names of what store recovery creates. Every one starts with <see cref="Prefix"/> (the IAM policy of the recovery
/// function allows creating and deleting only such names) and carries an 8-character token of the execution name,
/// so two executions never share a resource. The CDK side has the same prefix and tag keys (contract test).
/// </summary>
public static partial class RecoveryNames
{
    /// <summary>Prefix of every table, DB instance, DB cluster and bucket store recovery creates.</summary>
    public const string Prefix = "recovery-";

    /// <summary>Tag on every restored resource: the execution name that created it; cleanup deletes only on a match.</summary>
    public const string ExecutionTag = "ecommerce-backup:recovery-execution";

    /// <summary>S3 prefix of the recovery reports in the drill report bucket.</summary>
    public const string ReportPrefix = "recovery/";

    /// <summary>Key of the copy of the newest recovery report (read by the evidence index).</summary>
    public const string LatestReportKey = "recovery/latest.json";

    public static string Token(string executionName) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(executionName)))[..8].ToLowerInvariant();

    /// <summary>
    /// RDS identifiers: "1 to 63 letters, numbers, or hyphens; first character must be a letter; cannot end with a
    /// hyphen or contain two consecutive hyphens" (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RestoreDBClusterToPointInTime.html).
    /// </summary>
    public static string Rds(string executionName, string source) => Clean($"{Prefix}{Token(executionName)}-{source.ToLowerInvariant()}", 63, RdsInvalid());

    /// <summary>The DB instance added to a restored Aurora cluster.</summary>
    public static string AuroraInstance(string clusterName) => Clean(clusterName[..Math.Min(clusterName.Length, 59)].TrimEnd('-') + "-w1", 63, RdsInvalid());

    /// <summary>DynamoDB table names: 3-255 of a-z, A-Z, 0-9, '_', '-', '.'.</summary>
    public static string DynamoDb(string executionName, string source) => Clean($"{Prefix}{Token(executionName)}-{source}", 255, DynamoInvalid());

    /// <summary>S3 bucket names: 3-63 of lower-case letters, digits, '-', '.'.</summary>
    public static string S3(string executionName, string source) => Clean($"{Prefix}{Token(executionName)}-{source.ToLowerInvariant()}", 63, S3Invalid());

    private static string Clean(string name, int max, Regex invalid)
    {
        var cleaned = invalid.Replace(name, "-");
        while (cleaned.Contains("--", StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace("--", "-", StringComparison.Ordinal);
        }

        cleaned = cleaned[..Math.Min(cleaned.Length, max)];
        return cleaned.TrimEnd('-', '.');
    }

    [GeneratedRegex("[^a-z0-9-]")]
    private static partial Regex RdsInvalid();

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex DynamoInvalid();

    [GeneratedRegex("[^a-z0-9.-]")]
    private static partial Regex S3Invalid();
}
