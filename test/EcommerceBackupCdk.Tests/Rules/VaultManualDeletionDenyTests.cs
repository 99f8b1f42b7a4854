using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Rules;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Rules;

public class VaultManualDeletionDenyTests
{
    [Fact]
    public void Check_CdkBlockRecoveryPointDeletion_FailsNamingTheMissingAction()
    {
        // The shape shipped before issue 10: the L2's deny of DeleteRecoveryPoint and UpdateRecoveryPointLifecycle only.
        var stack = TestStacks.NewStack();
        _ = new BackupVault(stack, "Vault", new BackupVaultProps { BackupVaultName = "vault", BlockRecoveryPointDeletion = true });

        var error = RuleHarness.SynthError(stack, new VaultManualDeletionDeny());

        error.Should().Contain("VaultManualDeletionDeny: Test/Vault/Resource (AWS::Backup::BackupVault) AccessPolicy.Statement[0]: the vault denies manual deletion, but no single Deny statement with Principal * and Resource * covers backup:DeleteRecoveryPoint, backup:UpdateRecoveryPointLifecycle and backup:PutBackupVaultAccessPolicy")
            .And.Contain("(got {\"Action\":[\"backup:DeleteRecoveryPoint\",\"backup:UpdateRecoveryPointLifecycle\"]")
            .And.Contain("Fix: deny all three actions in one statement with Principal * and Resource *");
    }

    [Fact]
    public void Check_OneDenyOfAllThreeWithExemption_Passes()
    {
        var stack = TestStacks.NewStack();
        var policy = new PolicyDocument();
        policy.AddStatements(EcommerceBackupCdk.Vaults.VaultFactory.ManualDeletionDeny(stack, ["arn:aws:iam::111111111111:role/break-glass"]));
        _ = new BackupVault(stack, "Vault", new BackupVaultProps { BackupVaultName = "vault", AccessPolicy = policy });

        RuleHarness.SynthError(stack, new VaultManualDeletionDeny()).Should().BeNull();
    }

    [Fact]
    public void Facade_PrimaryVault_DeniesAllThreeExceptDeployRoleAndBreakGlass()
    {
        var (_, _, template) = TestStacks.Facade(TestStacks.DemoProps() with
        {
            Audit = new EcommerceBackupCdk.Compliance.AuditOptions { BreakGlassPrincipals = ["arn:aws:iam::111111111111:role/break-glass"] },
        });

        template.HasResource("AWS::Backup::BackupVault", new Dictionary<string, object>
        {
            ["DeletionPolicy"] = "RetainExceptOnCreate",
            ["UpdateReplacePolicy"] = "Retain",
            ["Properties"] = new Dictionary<string, object>
            {
                ["AccessPolicy"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Sid"] = "DenyManualDeletionAndPolicyChanges",
                        ["Effect"] = "Deny",
                        ["Principal"] = new Dictionary<string, object> { ["AWS"] = "*" },
                        ["Resource"] = "*",
                        ["Action"] = new[] { "backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy" },
                        ["Condition"] = new Dictionary<string, object>
                        {
                            ["ArnNotLike"] = new Dictionary<string, object>
                            {
                                ["aws:PrincipalArn"] = new object[]
                                {
                                    new Dictionary<string, object> { ["Fn::Sub"] = "arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-cfn-exec-role-111111111111-eu-central-1" },
                                    "arn:aws:iam::111111111111:role/break-glass",
                                },
                            },
                        },
                    })]),
                }),
            },
        });
    }
}
