using Amazon.CDK;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Stacks;

namespace EcommerceBackupCdk.App.Tests.Support;

/// <summary>The app built from the repository's cdk.json demo config, synthesized once per test run.</summary>
internal static class DemoApp
{
    private static readonly Lazy<(AppConfig Config, PrimaryBackupStack Primary, Dictionary<string, Template> Templates, string Outdir)> Built = new(Build);

    public static AppConfig Config => Built.Value.Config;

    public static PrimaryBackupStack Primary => Built.Value.Primary;

    public static IReadOnlyDictionary<string, Template> Templates => Built.Value.Templates;

    public static string Outdir => Built.Value.Outdir;

    public static string DemoConfigJson() =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repo.CdkJson))!["context"]![ConfigReader.ContextKey]!.ToJsonString();

    private static (AppConfig, PrimaryBackupStack, Dictionary<string, Template>, string) Build()
    {
        _ = Repo.Root;
        var outdir = Path.Combine(Path.GetTempPath(), "ebc-app-tests-" + Guid.NewGuid().ToString("N"));
        var app = new Amazon.CDK.App(new AppProps { Outdir = outdir });
        var config = ConfigReader.Read(DemoConfigJson());
        var (primary, drRegion, drAccount, demoStore) = BackupApp.Build(app, config);
        app.Synth();
        var templates = new Stack?[] { primary, drRegion, drAccount, demoStore }
            .OfType<Stack>()
            .ToDictionary(s => s.StackName, s => Template.FromStack(s));
        return (config, primary, templates, outdir);
    }
}
