using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Runbooks;
using EcommerceBackupCdk.App.Stacks;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

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

        (PrimaryBackupStack Primary, RecoveryVaultStack? DrRegion, RecoveryVaultStack? DrAccount, DemoStoreStack? DemoStore) stacks;
        Amazon.CDK.CXAPI.CloudAssembly assembly;
        try
        {
            stacks = BackupApp.Build(app, config);
            assembly = app.Synth();
        }
        catch (BackupConfigurationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (Exception e) when (SynthValidation.Findings(e) is { } findings)
        {
            // Construct validations (protection guard-rails in verify mode, coverage, the facade's own checks) fail
            // synth with CDK's list of findings: a config or resource problem for the user, not a crash.
            Console.Error.WriteLine(findings);
            return 1;
        }

        // After synth every tag is applied; the report goes next to the templates.
        var posture = stacks.Primary.Backup.Posture();
        var (json, markdown) = posture.WriteTo(assembly.Directory);
        RunbookRenderer.WriteTo(Path.Combine(outdir, "runbooks"), RunbookNames.From(config));
        Console.Error.Write(posture.Summary());
        Console.Error.WriteLine($"Posture report: {json}, {markdown}");
        Console.Error.WriteLine($"Cloud assembly written to {outdir}; runbooks rendered to {Path.Combine(outdir, "runbooks")}");
        return 0;
    }
}
