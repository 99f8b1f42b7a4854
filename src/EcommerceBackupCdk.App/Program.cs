using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Runbooks;
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

        BackupApp.Build(app, config);
        app.Synth();
        RunbookRenderer.WriteTo(Path.Combine(outdir, "runbooks"), RunbookNames.From(config));
        Console.Error.WriteLine($"Cloud assembly written to {outdir}; runbooks rendered to {Path.Combine(outdir, "runbooks")}");
        return 0;
    }
}
