using System.Diagnostics;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.JSII.Runtime.Deputy;

namespace EcommerceBackupCdk.App.Stacks;

/// <summary>
/// The Lambda code asset of <c>src/EcommerceBackupCdk.RestoreDrill</c> (drill validator and evidence index share
/// it): <c>dotnet publish</c> for linux-arm64, framework-dependent, run locally at synth time (no Docker). The asset
/// hash is the project's source, so an unchanged project is not published again into the same cloud assembly.
/// </summary>
internal static class RestoreDrillCode
{
    public const string ProjectPath = "src/EcommerceBackupCdk.RestoreDrill";

    private static readonly Dictionary<string, Code> Assets = [];

    /// <summary>One <see cref="Code"/> per repository, so every function using it shares one asset.</summary>
    public static Code For(string repositoryRoot)
    {
        var project = Path.GetFullPath(Path.Combine(repositoryRoot, ProjectPath));
        if (!Assets.TryGetValue(project, out var code))
        {
            code = Code.FromAsset(project, new Amazon.CDK.AWS.S3.Assets.AssetOptions
            {
                AssetHashType = AssetHashType.SOURCE,
                Exclude = ["bin", "obj"],
                Bundling = new BundlingOptions
                {
                    // Used only when local bundling declines (never here: it throws instead of falling back).
                    Image = DockerImage.FromRegistry("mcr.microsoft.com/dotnet/sdk:10.0"),
                    Local = new DotnetPublish(project),
                },
            });
            Assets[project] = code;
        }

        return code;
    }

    /// <summary>Runs <c>dotnet publish</c> into the asset's output directory.</summary>
    private sealed class DotnetPublish(string project) : DeputyBase, ILocalBundling
    {
        public bool TryBundle(string outputDir, IBundlingOptions options)
        {
            var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "publish", project, "-c", "Release", "-r", "linux-arm64", "--self-contained", "false", "-o", outputDir, "--nologo", "-v", "q" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet publish");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish {project} failed ({process.ExitCode}): {stdout.Result}{stderr}");
            }

            return true;
        }
    }
}
