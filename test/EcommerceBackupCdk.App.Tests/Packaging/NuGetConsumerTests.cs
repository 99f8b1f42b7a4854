using System.IO.Compression;
using System.Text.Json.Nodes;
using EcommerceBackupCdk.App.Tests.Support;

namespace EcommerceBackupCdk.App.Tests.Packaging;

/// <summary>
/// The import path users take: pack the library, reference the package from a local folder feed in a separate
/// "existing store" CDK app (samples/ExistingStore), add the backup in a few lines, and synthesize.
/// </summary>
public sealed class NuGetConsumerTests
{
    private static readonly Lazy<(string Feed, string Version, string Package)> Packed = new(Pack);

    [Fact]
    public void Pack_Library_HasReadmeXmlDocsLicenseAndVersion()
    {
        var (_, version, package) = Packed.Value;

        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        entries.Should().Contain(["README.md", "lib/net10.0/EcommerceBackupCdk.dll", "lib/net10.0/EcommerceBackupCdk.xml",
            "validator/EcommerceBackupCdk.RestoreDrill.dll", "validator/EcommerceBackupCdk.RestoreDrill.runtimeconfig.json",
            "build/EcommerceBackupCdk.targets"]);
        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        text.Should().Contain($"<version>{version}</version>")
            .And.Contain("<license type=\"expression\">Apache-2.0</license>")
            .And.Contain("<readme>README.md</readme>")
            .And.Contain("id=\"Amazon.CDK.Lib\" version=\"2.160.0\"");
    }

    [Fact]
    public void ExistingStoreApp_WithPackageFromFolderFeed_Synthesizes()
    {
        var (feed, version, _) = Packed.Value;
        var outdir = Path.Combine(Path.GetTempPath(), "ebc-existing-" + Guid.NewGuid().ToString("N"));
        // Outside the repository, as a user's app is: the drill validator must come from the package, not a checkout.
        var app = Path.Combine(Path.GetTempPath(), "ebc-existing-app-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(app);
        foreach (var file in Directory.GetFiles(Repo.Path_("samples", "ExistingStore")))
        {
            File.Copy(file, Path.Combine(app, Path.GetFileName(file)));
        }

        var (code, output) = Run(app, new Dictionary<string, string> { ["CDK_OUTDIR"] = outdir },
            "dotnet", "run", "-p:EcommerceBackupCdkVersion=" + version, "-p:RestoreAdditionalProjectSources=" + feed);

        code.Should().Be(0, output);
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(outdir, "ExistingStore.template.json")))!["Resources"]!.AsObject();
        var types = template.Select(kv => kv.Value!["Type"]!.GetValue<string>()).ToList();
        types.Should().Contain(["AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::RDS::DBCluster", "AWS::Backup::BackupVault"]);
        types.Count(t => t == "AWS::Backup::BackupPlan").Should().Be(6, "one plan per tier plus the critical tier's DynamoDB, relational and S3 plans");
        types.Should().Contain("AWS::Lambda::Function", "the drill validator is deployed from the package's published copy");
        Directory.GetDirectories(outdir, "asset.*").Should().Contain(d => File.Exists(Path.Combine(d, "EcommerceBackupCdk.RestoreDrill.dll")));
        // The store's own table (the drill flow adds its lock table, which is not enrolled).
        template.Single(kv => kv.Key.StartsWith("Carts", StringComparison.Ordinal) && kv.Value!["Type"]!.GetValue<string>() == "AWS::DynamoDB::Table")
            .Value!["Properties"]!["Tags"]!.ToJsonString().Should().Contain("\"Key\":\"ecommerce-backup:tier\",\"Value\":\"critical\"");
    }

    private static (string, string, string) Pack()
    {
        var feed = Path.Combine(Path.GetTempPath(), "ebc-feed-" + Guid.NewGuid().ToString("N"));
        // A unique version per run, so the NuGet cache can never hand back an older build of the same version.
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}{Random.Shared.Next(1000):D3}";
        var (code, output) = Run(Repo.Root, [], "dotnet", "pack", Repo.Path_("src", "EcommerceBackupCdk", "EcommerceBackupCdk.csproj"),
            "-c", "Release", "-o", feed, "-p:PackageVersion=" + version, "--nologo");
        if (code != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + output);
        }

        return (feed, version, Path.Combine(feed, $"EcommerceBackupCdk.{version}.nupkg"));
    }

    private static (int Code, string Output) Run(string directory, Dictionary<string, string> env, string file, params string[] args)
    {
        var result = Processes.Run(file, args, TimeSpan.FromMinutes(5), directory, env);
        return (result.Code, result.Output);
    }
}
