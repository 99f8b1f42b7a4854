using System.Globalization;
using System.Text.RegularExpressions;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>
/// The temporary DB instance the drill flow adds to a restored Aurora cluster. "AWS Backup restores your Aurora cluster;
/// it does not create or attach an Amazon RDS instance to your cluster"
/// (https://docs.aws.amazon.com/aws-backup/latest/devguide/restoring-aur.html), so a restored cluster cannot answer SQL
/// until an instance exists. Its name is derived from the restored cluster's; it carries the
/// <see cref="RestoreTestNames.TagKey"/> tag, so the validator's IAM policy lets it create, modify and delete only such
/// resources.
/// </summary>
public static partial class TemporaryInstance
{
    /// <summary>
    /// Used when RDS lists no orderable class (moto lists none for aurora-mysql): db.t4g.medium is the smallest Graviton
    /// burstable class in the Aurora MySQL instance class table
    /// (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/AuroraMySQL.Managing.Performance.html: "db.t4g.medium | 90").
    /// </summary>
    public const string FallbackInstanceClass = "db.t4g.medium";

    private static readonly string[] SizeOrder = ["nano", "micro", "small", "medium", "large", "xlarge"];

    /// <summary>
    /// The temporary instance's identifier: the cluster identifier plus <see cref="RestoreTestNames.TemporaryInstanceSuffix"/>, cut to RDS's 63 characters
    /// ("Must contain from 1 to 63 letters, numbers, or hyphens", CreateDBInstance DBInstanceIdentifier).
    /// </summary>
    public static string IdentifierFor(string clusterIdentifier)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterIdentifier);
        var stem = clusterIdentifier.Length + RestoreTestNames.TemporaryInstanceSuffix.Length > 63 ? clusterIdentifier[..(63 - RestoreTestNames.TemporaryInstanceSuffix.Length)].TrimEnd('-') : clusterIdentifier;
        return stem + RestoreTestNames.TemporaryInstanceSuffix;
    }

    /// <summary>
    /// The smallest class of those RDS offers for the engine and version: burstable (db.t*) before others, then by size
    /// (nano &lt; micro &lt; small &lt; medium &lt; large &lt; xlarge &lt; 2xlarge ...). db.serverless is skipped: it needs
    /// a scaling configuration on the cluster, which a restored cluster may not have.
    /// </summary>
    public static string SmallestClass(IEnumerable<string> orderable)
    {
        ArgumentNullException.ThrowIfNull(orderable);
        var ranked = orderable
            .Select(c => (Class: c, Match: ClassPattern().Match(c)))
            .Where(x => x.Match.Success)
            .OrderBy(x => x.Match.Groups["family"].Value.StartsWith('t') ? 0 : 1)
            .ThenBy(x => SizeRank(x.Match.Groups["size"].Value))
            .ThenBy(x => x.Class, StringComparer.Ordinal)
            .Select(x => x.Class)
            .ToList();
        return ranked.Count > 0 ? ranked[0] : FallbackInstanceClass;
    }

    private static int SizeRank(string size)
    {
        var index = Array.IndexOf(SizeOrder, size);
        if (index >= 0)
        {
            return index;
        }

        var multiple = size.EndsWith("xlarge", StringComparison.Ordinal) ? size[..^6] : null;
        return multiple is not null && int.TryParse(multiple, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? SizeOrder.Length + n
            : int.MaxValue;
    }

    [GeneratedRegex(@"^db\.(?<family>[a-z0-9]+)\.(?<size>[a-z0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassPattern();
}
