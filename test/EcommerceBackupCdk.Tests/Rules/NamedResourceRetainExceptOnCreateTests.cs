using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.Logs;
using EcommerceBackupCdk.Rules;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Rules;

public class NamedResourceRetainExceptOnCreateTests
{
    [Fact]
    public void Check_NamedVaultAndLogGroupRetained_FailsForEach()
    {
        // The shape shipped before issue 10: named vaults and log groups with RemovalPolicy.RETAIN.
        var stack = TestStacks.NewStack();
        _ = new BackupVault(stack, "Vault", new BackupVaultProps { BackupVaultName = "acme-backup-primary", RemovalPolicy = RemovalPolicy.RETAIN });
        _ = new LogGroup(stack, "Logs", new LogGroupProps { LogGroupName = "/aws/lambda/acme-fn", RemovalPolicy = RemovalPolicy.RETAIN });

        var error = RuleHarness.SynthError(stack, new NamedResourceRetainExceptOnCreate());

        error.Should().Contain("NamedResourceRetainExceptOnCreate: Test/Vault/Resource (AWS::Backup::BackupVault) DeletionPolicy: a named resource kept when its first deploy rolls back makes every retry fail because the name is taken (got \"Retain\" with BackupVaultName \"acme-backup-primary\"). Fix: use RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE")
            .And.Contain("Test/Logs/Resource (AWS::Logs::LogGroup) DeletionPolicy");
    }

    [Fact]
    public void Check_NamedRetainOnUpdateOrDeleteAndUnnamedRetain_Pass()
    {
        var stack = TestStacks.NewStack();
        _ = new BackupVault(stack, "Vault", new BackupVaultProps { BackupVaultName = "acme-backup-primary", RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE });
        _ = new LogGroup(stack, "Logs", new LogGroupProps { RemovalPolicy = RemovalPolicy.RETAIN });

        RuleHarness.SynthError(stack, new NamedResourceRetainExceptOnCreate()).Should().BeNull();
    }
}
