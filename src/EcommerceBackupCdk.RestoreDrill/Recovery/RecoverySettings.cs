using System.Collections;
using System.Globalization;
using EcommerceBackupCdk.RestoreDrill.Configuration;

namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>
/// Settings of the recovery function: the drill validator's own settings (tiers, per-resource probes, report
/// bucket, endpoints — read by <see cref="DrillSettings.FromEnvironment(IReadOnlyDictionary{string, string})"/>)
/// plus the variables of <see cref="RecoveryVariables"/>.
/// </summary>
public sealed record RecoverySettings
{
    public required DrillSettings Drill { get; init; }

    /// <summary>Role AWS Backup assumes to restore S3 buckets; null means S3 resources are refused (named).</summary>
    public string? BackupRestoreRoleArn { get; init; }

    /// <summary>Class of the DB instance added to a restored Aurora cluster.</summary>
    public string AuroraInstanceClass { get; init; } = "db.t4g.medium";

    public static RecoverySettings FromEnvironment() =>
        FromEnvironment(Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal));

    public static RecoverySettings FromEnvironment(IReadOnlyDictionary<string, string> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var problems = new List<string>();
        DrillSettings? drill = null;
        try
        {
            drill = DrillSettings.FromEnvironment(env);
        }
        catch (ConfigurationException e)
        {
            problems.AddRange(e.Problems);
        }

        string? Get(string name) => env.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var role = Get(RecoveryVariables.BackupRestoreRoleArn);
        if (role is not null && !(role.StartsWith("arn:", StringComparison.Ordinal) && role.Contains(":role/", StringComparison.Ordinal)))
        {
            problems.Add($"{RecoveryVariables.BackupRestoreRoleArn}: not an IAM role ARN (got '{role}', allowed arn:aws:iam::<account>:role/<name>)");
        }

        var instanceClass = Get(RecoveryVariables.AuroraInstanceClass) ?? "db.t4g.medium";
        if (!instanceClass.StartsWith("db.", StringComparison.Ordinal))
        {
            problems.Add($"{RecoveryVariables.AuroraInstanceClass}: not a DB instance class (got '{instanceClass}', allowed e.g. db.t4g.medium)");
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        return new RecoverySettings { Drill = drill!, BackupRestoreRoleArn = role, AuroraInstanceClass = instanceClass };
    }

    internal static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
