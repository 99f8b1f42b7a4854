using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.SNS;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Drills;

/// <summary>A <see cref="RestoreDrill"/> alone in a stack, with a stub validator package.</summary>
internal static class DrillFixture
{
    public static (Stack Stack, RestoreDrill Drill, Template Template) Create(DrillOptions? options = null, EcommerceBackupCdk.Tiers.BackupTargets? targets = null, bool withTopic = true)
    {
        var stack = TestStacks.NewStack();
        var vault = new BackupVault(stack, "Vault", new BackupVaultProps { BackupVaultName = "acme-primary" });
        var topic = withTopic ? new Topic(stack, "Alerts") : null;
        var drillProps = new RestoreDrillProps
        {
            StoreName = "acme",
            Vault = vault,
            Targets = targets ?? EcommerceBackupCdk.Tiers.BackupTargets.Defaults,
            AlarmTopic = topic,
            Options = (options ?? new DrillOptions()) with { ValidatorCode = (options?.ValidatorCode) ?? TestStacks.StubValidatorCode },
        };
        var drill = new RestoreDrill(stack, "Drills", drillProps);
        return (stack, drill, Template.FromStack(stack));
    }
}
