using System.Diagnostics;
using System.Globalization;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// Local bundling of the validator: <c>dotnet publish -c Release -r linux-arm64 --self-contained false</c> straight
/// into the asset's output directory. Throws with the build output when the publish fails, so synth stops with the
/// compiler's message instead of falling back to Docker.
/// </summary>
internal sealed class DotnetPublishBundling : DeputyBase, ILocalBundling
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private readonly string _projectDirectory;

    public DotnetPublishBundling(string projectDirectory)
    {
        _projectDirectory = projectDirectory;
    }

    /// <summary>The arguments of the publish, for tests and error messages.</summary>
    internal static IReadOnlyList<string> Arguments(string projectDirectory, string outputDirectory) =>
        ["publish", projectDirectory, "-c", "Release", "-r", "linux-arm64", "--self-contained", "false", "-o", outputDirectory, "--nologo"];

    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _projectDirectory,
        };
        foreach (var argument in Arguments(_projectDirectory, outputDir))
        {
            start.ArgumentList.Add(argument);
        }

        // The publish must not inherit the CDK app's own MSBuild state (dotnet run sets these).
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start 'dotnet' to publish the restore drill validator; is the .NET SDK on PATH?");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(PublishTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"'dotnet {string.Join(' ', start.ArgumentList)}' did not finish within {PublishTimeout.TotalMinutes} minutes."));
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Publishing the restore drill validator failed (exit code {process.ExitCode}): 'dotnet {string.Join(' ', start.ArgumentList)}'\n{stdout.Result}\n{stderr.Result}"));
        }

        if (!File.Exists(Path.Combine(outputDir, DrillValidatorContract.Assembly)))
        {
            throw new InvalidOperationException($"'dotnet publish' succeeded but {outputDir} holds no {DrillValidatorContract.Assembly}; check the validator project's AssemblyName.");
        }

        return true;
    }
}
