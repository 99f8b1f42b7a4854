using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace EcommerceBackupCdk.Tests.Support;

/// <summary>Builds stacks for template assertions.</summary>
internal static class TestStacks
{
    public const string PrimaryAccount = "111111111111";
    public const string PrimaryRegion = "eu-central-1";
    public const string DrAccount = "222222222222";
    public const string DrRegion = "eu-west-1";

    static TestStacks()
    {
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "18,20");
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        System.Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
    }

    public static Stack NewStack(string account = PrimaryAccount, string region = PrimaryRegion)
    {
        var app = new App();
        return new Stack(app, "Test", new StackProps { Env = new Amazon.CDK.Environment { Account = account, Region = region } });
    }

    public static EcommerceBackupProps DemoProps() => new()
    {
        StoreName = "acme",
        DisasterRecovery = new EcommerceBackupCdk.Vaults.DisasterRecoveryOptions { Region = DrRegion, Account = DrAccount },
        ScheduleTimeZone = "Europe/Istanbul",
        Notifications = new EcommerceBackupCdk.Monitoring.NotificationOptions { Emails = ["oncall@acme.example"] },
    };

    public static (Stack Stack, EcommerceBackup Backup, Template Template) Facade(EcommerceBackupProps? props = null)
    {
        var stack = NewStack();
        var backup = new EcommerceBackup(stack, "Backup", props ?? DemoProps());
        return (stack, backup, Template.FromStack(stack));
    }
}
