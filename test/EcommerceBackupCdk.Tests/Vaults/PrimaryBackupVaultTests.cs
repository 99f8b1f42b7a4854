using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Tests.Vaults;

public sealed class PrimaryBackupVaultTests
{
    private static Template Synth(BackupVaultSettings settings, IReadOnlyList<string>? recoveryAccounts = null)
    {
        var stack = TestStacks.NewStack();
        new PrimaryBackupVault(stack, "Vault", new PrimaryBackupVaultProps { Settings = settings, RecoveryAccounts = recoveryAccounts ?? [] });
        return Template.FromStack(stack);
    }

    private static BackupVaultSettings Settings(VaultLockOptions? lockOptions = null) => new()
    {
        StoreName = "acme",
        Lock = lockOptions ?? new VaultLockOptions(),
        WrittenRetentions = [TimeSpan.FromDays(14), TimeSpan.FromDays(35), TimeSpan.FromDays(2555)],
    };

    [Fact]
    public void Vault_Default_IsEncryptedWithRotatingCustomerKeyAndRetained()
    {
        var template = Synth(Settings());

        template.HasResourceProperties("AWS::KMS::Key", new Dictionary<string, object> { ["EnableKeyRotation"] = true });
        template.HasResource("AWS::KMS::Key", new Dictionary<string, object> { ["DeletionPolicy"] = "Retain", ["UpdateReplacePolicy"] = "Retain" });
        template.HasResourceProperties("AWS::KMS::Alias", new Dictionary<string, object> { ["AliasName"] = "alias/acme-primary-vault" });
        template.HasResource("AWS::Backup::BackupVault", new Dictionary<string, object>
        {
            ["DeletionPolicy"] = "RetainExceptOnCreate", // issue 10: a rolled-back first deploy must not keep the named vault
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["BackupVaultName"] = "acme-primary",
                ["EncryptionKeyArn"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = Match.ArrayWith([Match.StringLikeRegexp("VaultKey")]) }),
            }),
        });
    }

    [Fact]
    public void Vault_Default_IsLockedInGovernanceModeWithLimitsFromWrittenRetentions()
    {
        var template = Synth(Settings());

        template.HasResourceProperties("AWS::Backup::BackupVault", new Dictionary<string, object>
        {
            ["LockConfiguration"] = new Dictionary<string, object> { ["MinRetentionDays"] = 7, ["MaxRetentionDays"] = 2555 },
        });
        Json.ResourcesOfType(template, "AWS::Backup::BackupVault").Single()["Properties"]!["LockConfiguration"]!.AsObject()
            .ContainsKey("ChangeableForDays").Should().BeFalse("governance mode has no grace time");
    }

    [Fact]
    public void Vault_ComplianceModeAcknowledged_SetsGraceTime()
    {
        var template = Synth(Settings(new VaultLockOptions { Mode = VaultLockMode.Compliance, AcknowledgeComplianceModeIsIrreversible = true, ChangeableFor = TimeSpan.FromDays(5) }));

        template.HasResourceProperties("AWS::Backup::BackupVault", new Dictionary<string, object>
        {
            ["LockConfiguration"] = new Dictionary<string, object> { ["MinRetentionDays"] = 7, ["MaxRetentionDays"] = 2555, ["ChangeableForDays"] = 5 },
        });
    }

    [Fact]
    public void Vault_ComplianceModeWithoutAcknowledgement_Throws()
    {
        var act = () => Synth(Settings(new VaultLockOptions { Mode = VaultLockMode.Compliance }));

        act.Should().Throw<BackupConfigurationException>()
            .WithMessage("*lock.acknowledgeComplianceModeIsIrreversible: compliance mode cannot be undone after the grace time; acknowledge it explicitly (got False, allowed true)*");
    }

    [Fact]
    public void Vault_RetentionOutsideExplicitLock_Throws()
    {
        var act = () => Synth(Settings(new VaultLockOptions { MinRetention = TimeSpan.FromDays(20) }));

        act.Should().Throw<BackupConfigurationException>()
            .WithMessage("*writtenRetentions[0]: is outside the vault lock's retention range; AWS Backup would fail the job (got 14d, allowed 20d to 7y)*");
    }

    [Fact]
    public void Vault_NothingWritten_Throws()
    {
        var act = () => Synth(Settings() with { WrittenRetentions = [] });

        act.Should().Throw<BackupConfigurationException>().WithMessage("*writtenRetentions: is empty*");
    }

    [Fact]
    public void Vault_DeprecatedNotificationEvent_Throws()
    {
        var act = () => Synth(Settings() with { NotificationEvents = ["BACKUP_JOB_FAILED"] });

        act.Should().Throw<BackupConfigurationException>().WithMessage("*notificationEvents: is not an event AWS Backup still sends (got 'BACKUP_JOB_FAILED'*");
    }

    [Fact]
    public void Vault_Always_DeniesRecoveryPointDeletion()
    {
        var template = Synth(Settings());

        var statements = Json.ResourcesOfType(template, "AWS::Backup::BackupVault").Single()["Properties"]!["AccessPolicy"]!["Statement"]!.AsArray();
        statements.Should().Contain(s => s!["Effect"]!.GetValue<string>() == "Deny" && s["Action"]!.ToJsonString().Contains("backup:DeleteRecoveryPoint"));
    }

    [Fact]
    public void Vault_RecoveryAccount_MayCopyBackAndUseKeyThroughBackupOnly()
    {
        var template = Synth(Settings(), [TestStacks.DrAccount]);

        var vault = Json.ResourcesOfType(template, "AWS::Backup::BackupVault").Single();
        var allow = vault["Properties"]!["AccessPolicy"]!["Statement"]!.AsArray().Single(s => s!["Effect"]!.GetValue<string>() == "Allow")!;
        allow["Action"]!.GetValue<string>().Should().Be("backup:CopyIntoBackupVault");
        allow["Principal"]!.ToJsonString().Should().Contain(TestStacks.DrAccount);

        var key = Json.ResourcesOfType(template, "AWS::KMS::Key").Single();
        var keyStatement = key["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray().Single(s => s!["Sid"]?.GetValue<string>() == $"AllowBackupCopiesBy{TestStacks.DrAccount}")!;
        keyStatement["Condition"]!["StringEquals"]!["kms:ViaService"]!.ToJsonString().Should().Contain("backup.");
    }

    [Fact]
    public void Vault_NotificationTopic_SendsOnlySupportedDefaultEvents()
    {
        var stack = TestStacks.NewStack();
        var topic = new EcommerceBackupCdk.Monitoring.BackupTopic(stack, "Topic", new EcommerceBackupCdk.Monitoring.BackupTopicProps { StoreName = "acme" });
        new PrimaryBackupVault(stack, "Vault", new PrimaryBackupVaultProps { Settings = Settings() with { NotificationTopic = topic.Topic } });

        var events = Json.ResourcesOfType(Template.FromStack(stack), "AWS::Backup::BackupVault").Single()["Properties"]!["Notifications"]!["BackupVaultEvents"]!
            .AsArray().Select(e => e!.GetValue<string>()).ToList();
        events.Should().BeEquivalentTo(EcommerceBackupCdk.Monitoring.VaultEvents.Default);
        events.Should().OnlyContain(e => EcommerceBackupCdk.Monitoring.VaultEvents.Supported.Contains(e));
    }
}
