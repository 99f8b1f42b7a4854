using System.Text.Json.Nodes;

namespace EcommerceBackupCdk.Rules;

/// <summary>
/// A backup vault whose access policy denies manual deletion must deny it the way AWS Config checks it, or the
/// "manual deletion disabled" control stays NON_COMPLIANT forever.
/// </summary>
/// <remarks>
/// AWS Config rule <c>backup-recovery-point-manual-deletion-disabled</c>
/// (https://docs.aws.amazon.com/config/latest/developerguide/backup-recovery-point-manual-deletion-disabled.html):
/// "The rule is NON_COMPLIANT if the Backup Vault does not have resource-based policies or has policies without a
/// suitable 'Deny' statement (statement with backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle, and
/// backup:PutBackupVaultAccessPolicy permissions)." and "The rule requires that the "Resource" and "Principal" of the
/// Deny statement must have a wildcard in the vault access policy."
/// Checks every <c>AWS::Backup::BackupVault</c> whose <c>AccessPolicy</c> denies <c>backup:DeleteRecoveryPoint</c>
/// (a vault that means to block manual deletion): one Deny statement must cover all three actions with
/// <c>Principal</c> and <c>Resource</c> <c>*</c>. CDK's <c>BlockRecoveryPointDeletion</c> leaves out the third.
/// </remarks>
internal sealed class VaultManualDeletionDeny : IServiceRule
{
    private static readonly string[] Required = ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy"];

    public string Id => nameof(VaultManualDeletionDeny);

    public IEnumerable<RuleFinding> Check(RuleTemplate template)
    {
        foreach (var vault in template.OfType("AWS::Backup::BackupVault"))
        {
            var denies = RuleJson.Statements(vault.Property("AccessPolicy")).Where(s => !RuleJson.IsAllow(s)).ToList();
            if (!denies.Any(s => Covers(s, Required[0])))
            {
                continue;
            }

            if (denies.Any(s => Required.All(a => Covers(s, a)) && IsWildcard(RuleJson.Get(s, "Principal")) && RuleJson.Items(RuleJson.Get(s, "Resource")).Any(r => RuleJson.Text(r) == "*")))
            {
                continue;
            }

            var deletionDeny = denies.First(s => Covers(s, Required[0]));
            yield return new RuleFinding(
                vault,
                $"AccessPolicy.Statement[{RuleJson.Label(deletionDeny, denies.IndexOf(deletionDeny))}]",
                RuleJson.Show(deletionDeny),
                "the vault denies manual deletion, but no single Deny statement with Principal * and Resource * covers backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and backup:PutBackupVaultAccessPolicy, so AWS Config's BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED rule reports it NON_COMPLIANT",
                "deny all three actions in one statement with Principal * and Resource * (exempt the deploying role and break-glass principals with an aws:PrincipalArn condition), instead of BlockRecoveryPointDeletion");
        }
    }

    private static bool Covers(JsonObject statement, string action) =>
        RuleJson.Actions(statement).Any(a => a == "*" || a == "backup:*" || string.Equals(a, action, StringComparison.OrdinalIgnoreCase));

    private static bool IsWildcard(JsonNode? principal) =>
        RuleJson.Text(principal) == "*" || RuleJson.Items(RuleJson.Get(principal, "AWS")).Any(p => RuleJson.Text(p) == "*");
}
