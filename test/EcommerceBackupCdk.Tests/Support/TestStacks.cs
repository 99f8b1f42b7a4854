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

    /// <summary>
    /// A stand-in validator package: construct tests never publish the real Lambda (one test in
    /// <c>Drills/DrillCodeTests</c> does). The directory holds one stub file.
    /// </summary>
    public static Amazon.CDK.AWS.Lambda.Code StubValidatorCode => Amazon.CDK.AWS.Lambda.Code.FromAsset(StubDirectory.Value);

    private static readonly Lazy<string> StubDirectory = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "ebc-stub-validator");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "EcommerceBackupCdk.RestoreDrill.dll"), "stub");
        return dir;
    });

    public static Stack NewStack(string account = PrimaryAccount, string region = PrimaryRegion)
    {
        // Bundling is skipped for every stack of construct tests, whatever code a test forgets to stub.
        var app = new App(new AppProps { Context = new Dictionary<string, object> { ["aws:cdk:bundling-stacks"] = Array.Empty<string>() } });
        return new Stack(app, "Test", new StackProps { Env = new Amazon.CDK.Environment { Account = account, Region = region } });
    }

    public static EcommerceBackupProps DemoProps() => new()
    {
        StoreName = "acme",
        DisasterRecovery = new EcommerceBackupCdk.Vaults.DisasterRecoveryOptions { Region = DrRegion, Account = DrAccount },
        ScheduleTimeZone = "Europe/Istanbul",
        Notifications = new EcommerceBackupCdk.Monitoring.NotificationOptions { Emails = ["oncall@acme.example"] },
        // Drills are off in the shared demo so other features' tests count only their own resources; drill tests use DemoPropsWithDrills.
        Drills = new EcommerceBackupCdk.Drills.DrillOptions { Enabled = false, ValidatorCode = StubValidatorCode },
    };

    public static EcommerceBackupProps DemoPropsWithDrills() => DemoProps() with
    {
        Drills = new EcommerceBackupCdk.Drills.DrillOptions { ValidatorCode = StubValidatorCode },
    };

    public static (Stack Stack, EcommerceBackup Backup, Template Template) Facade(EcommerceBackupProps? props = null)
    {
        var stack = NewStack();
        var backup = new EcommerceBackup(stack, "Backup", props ?? DemoProps());
        return (stack, backup, Template.FromStack(stack));
    }
}
