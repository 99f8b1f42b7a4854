using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>
/// Names of what store recovery creates. Every one starts with <see cref="RestoreTestNames.RecoveryPrefix"/> (the IAM policy of the recovery
/// function allows creating and deleting only such names) and carries an 8-character token of the execution name,
/// so two executions never share a resource. The CDK side has the same prefix and tag keys (contract test).
/// </summary>
public static partial class RecoveryNames
{
    public static string Token(string executionName) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(executionName)))[..8].ToLowerInvariant();

    /// <summary>
    /// RDS identifiers (DBClusterIdentifier of RestoreDBClusterToPointInTime; the DB instance identifiers alike):
    /// "Must contain from 1 to 63 letters, numbers, or hyphens", "First character must be a letter", "Can't end with a
    /// hyphen or contain two consecutive hyphens"
    /// (https://docs.aws.amazon.com/botocore/latest/reference/services/rds/client/restore_db_cluster_to_point_in_time.html).
    /// The prefix starts with a letter; <see cref="Clean"/> collapses "--" and trims a trailing hyphen.
    /// </summary>
    public static string Rds(string executionName, string source) => Clean($"{RestoreTestNames.RecoveryPrefix}{Token(executionName)}-{source.ToLowerInvariant()}", 63, RdsInvalid());

    /// <summary>The DB instance added to a restored Aurora cluster.</summary>
    public static string AuroraInstance(string clusterName) => Clean(clusterName[..Math.Min(clusterName.Length, 59)].TrimEnd('-') + "-w1", 63, RdsInvalid());

    /// <summary>
    /// DynamoDB: "Table names and index names must be between 3 and 255 characters long, and can contain only the
    /// following characters: a-z A-Z 0-9 _ (underscore) - (dash) . (dot)"
    /// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html).
    /// </summary>
    public static string DynamoDb(string executionName, string source) => Clean($"{RestoreTestNames.RecoveryPrefix}{Token(executionName)}-{source}", 255, DynamoInvalid());

    /// <summary>
    /// S3 (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html): "Bucket names must be between
    /// 3 (min) and 63 (max) characters long.", "Bucket names can consist only of lowercase letters, numbers, dots (.), and
    /// hyphens (-).", "Bucket names must begin and end with a letter or number.", "Bucket names must not contain two
    /// adjacent periods." The prefix "recovery-" begins with a letter, so the name is never an IP address and never
    /// starts with "xn--", "sthree-" or "amzn-s3-demo-"; the reserved suffixes "-s3alias", "--ol-s3", ".mrap" and
    /// "--x-s3" are cut off.
    /// </summary>
    public static string S3(string executionName, string source) => Clean($"{RestoreTestNames.RecoveryPrefix}{Token(executionName)}-{source.ToLowerInvariant()}", 63, S3Invalid());

    private static string Clean(string name, int max, Regex invalid)
    {
        var cleaned = invalid.Replace(name, "-");
        while (cleaned.Contains("--", StringComparison.Ordinal) || cleaned.Contains("..", StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace("--", "-", StringComparison.Ordinal).Replace("..", ".", StringComparison.Ordinal);
        }

        cleaned = cleaned[..Math.Min(cleaned.Length, max)].TrimEnd('-', '.');
        foreach (var reserved in ReservedSuffixes)
        {
            if (cleaned.EndsWith(reserved, StringComparison.Ordinal))
            {
                cleaned = cleaned[..^reserved.Length].TrimEnd('-', '.');
            }
        }

        return cleaned;
    }

    private static readonly string[] ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3"];

    [GeneratedRegex("[^a-z0-9-]")]
    private static partial Regex RdsInvalid();

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex DynamoInvalid();

    [GeneratedRegex("[^a-z0-9.-]")]
    private static partial Regex S3Invalid();
}
