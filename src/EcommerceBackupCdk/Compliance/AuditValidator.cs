using System.Text.RegularExpressions;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Contract;

namespace EcommerceBackupCdk.Compliance;

/// <summary>Checks <see cref="AuditOptions"/>; keys in messages are the camelCase paths of the <c>audit</c> config.</summary>
public static partial class AuditValidator
{
    /// <summary>Adds every problem of the options to <paramref name="problems"/>. Null options (audit off) have none.</summary>
    public static void Validate(AuditOptions? audit, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (audit is null)
        {
            return;
        }

        if (audit.EvidenceRetention < TimeSpan.FromDays(1) || audit.EvidenceRetention > AuditDefaults.MaxEvidenceRetention || !WholeDays(audit.EvidenceRetention))
        {
            problems.Add("audit.evidenceRetention", "Object Lock retention must be whole days from 1 day to 100 years", audit.EvidenceRetention, "1d to 36500d in whole days, e.g. '7y'");
        }

        if (audit.AccessLogRetention < TimeSpan.FromDays(1) || !WholeDays(audit.AccessLogRetention))
        {
            problems.Add("audit.accessLogRetention", "must be whole days, at least 1 day", audit.AccessLogRetention, "1d or more in whole days");
        }

        var principals = audit.BreakGlassPrincipals ?? [];
        if (principals.Count > AuditDefaults.MaxBreakGlassPrincipals)
        {
            problems.Add("audit.breakGlassPrincipals", "has more principals than the manual-deletion control accepts", principals.Count,
                $"at most {AuditDefaults.MaxBreakGlassPrincipals} IAM role ARNs");
        }

        for (var i = 0; i < principals.Count; i++)
        {
            if (!RoleArnPattern().IsMatch(principals[i] ?? string.Empty))
            {
                problems.Add($"audit.breakGlassPrincipals[{i}]", "is not an IAM role ARN", principals[i], "arn:<partition>:iam::<12-digit account>:role/<path/name>");
            }
        }
    }

    private static bool WholeDays(TimeSpan value) => value.Ticks % TimeSpan.TicksPerDay == 0;

    [GeneratedRegex(ValueFormats.IamRoleArn)]
    private static partial Regex RoleArnPattern();
}
