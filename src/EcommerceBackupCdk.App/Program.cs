using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Stacks;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.App;

/// <summary>
/// The CDK app. Run by the CDK CLI (<c>npx cdk synth</c>, via cdk.json) or directly (<c>dotnet run --project
/// src/EcommerceBackupCdk.App</c>), it writes the cloud assembly to <c>CDK_OUTDIR</c> or <c>./cdk.out</c>.
/// </summary>
internal static class Program
{
    public static int Main()
    {
        NodeWarnings.Silence();
        var outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR") is { Length: > 0 } fromCli
            ? fromCli
            : Path.Combine(Directory.GetCurrentDirectory(), "cdk.out");
        var app = new Amazon.CDK.App(new Amazon.CDK.AppProps { Outdir = outdir });
        AppConfig config;
        try
        {
            config = ConfigReader.Read(ConfigSource.Find(app, Directory.GetCurrentDirectory()));
        }
        catch (BackupConfigurationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        // The evidence index runs the restore-drill Lambda project; its asset is published from this repository.
        if (config.Backup.Audit is { } audit && ConfigSource.FindCdkJson(Directory.GetCurrentDirectory()) is { } cdkJson)
        {
            var code = RestoreDrillCode.For(Path.GetDirectoryName(cdkJson)!);
            config = config with { Backup = config.Backup with { Audit = audit with { EvidenceIndexCode = code } } };
        }

        BackupApp.Build(app, config);
        app.Synth();
        Console.Error.WriteLine($"Cloud assembly written to {outdir}");
        return 0;
    }
}
