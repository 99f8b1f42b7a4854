using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Tests.Vaults;

public sealed class RecoveryVaultTests
{
    private static Template Synth(RecoveryVaultProps props)
    {
        var stack = TestStacks.NewStack(TestStacks.DrAccount);
        new RecoveryVault(stack, "Vault", props);
        return Template.FromStack(stack);
    }

    private static RecoveryVaultProps Props(VaultRole role = VaultRole.DrAccount) => new()
    {
        Role = role,
        SourceAccount = TestStacks.PrimaryAccount,
        Settings = new BackupVaultSettings { StoreName = "acme", WrittenRetentions = [TimeSpan.FromDays(90), TimeSpan.FromDays(2555)] },
    };

    [Fact]
    public void RecoveryVault_DrAccount_AllowsSourceAccountToCopyIn()
    {
        var template = Synth(Props());

        template.HasResourceProperties("AWS::Backup::BackupVault", new Dictionary<string, object>
        {
            ["BackupVaultName"] = "acme-dr-account",
            ["LockConfiguration"] = new Dictionary<string, object> { ["MinRetentionDays"] = 7, ["MaxRetentionDays"] = 2555 },
        });
        var allow = Json.ResourcesOfType(template, "AWS::Backup::BackupVault").Single()["Properties"]!["AccessPolicy"]!["Statement"]!.AsArray()
            .Single(s => s!["Sid"]?.GetValue<string>() == "AllowCopyIntoVault")!;
        allow["Action"]!.GetValue<string>().Should().Be("backup:CopyIntoBackupVault");
        allow["Principal"]!.ToJsonString().Should().Contain(TestStacks.PrimaryAccount);
    }

    [Fact]
    public void RecoveryVault_Organization_AllowsOrganizationByCondition()
    {
        var template = Synth(Props() with { OrganizationId = "o-abcdef1234" });

        var allow = Json.ResourcesOfType(template, "AWS::Backup::BackupVault").Single()["Properties"]!["AccessPolicy"]!["Statement"]!.AsArray()
            .Single(s => s!["Sid"]?.GetValue<string>() == "AllowCopyIntoVault")!;
        allow["Condition"]!["StringEquals"]!["aws:PrincipalOrgID"]!.GetValue<string>().Should().Be("o-abcdef1234");
    }

    [Fact]
    public void RecoveryVault_DrRegion_IsNamedForRegion()
    {
        Synth(Props(VaultRole.DrRegion)).HasResourceProperties("AWS::Backup::BackupVault",
            new Dictionary<string, object> { ["BackupVaultName"] = "acme-dr-region" });
    }

    [Fact]
    public void RecoveryVault_PrimaryRoleOrBadAccount_Throws()
    {
        var act = () => Synth(Props(VaultRole.Primary) with { SourceAccount = "abc" });

        act.Should().Throw<BackupConfigurationException>()
            .WithMessage("*role: a recovery vault cannot be the primary vault (got 'Primary', allowed DrRegion, DrAccount)*sourceAccount: is not an AWS account id (got 'abc', allowed 12 digits)*");
    }
}
