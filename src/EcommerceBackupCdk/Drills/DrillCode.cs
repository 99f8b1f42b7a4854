using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Drills;

/// <summary>
/// The validator's Lambda package, built at synth time by <c>dotnet publish</c> on this machine (local bundling; no
/// Docker is needed or used).
/// </summary>
public static class DrillCode
{
    /// <summary>Placeholder image: CDK requires one for bundling, but local bundling always succeeds or throws, so it is never pulled.</summary>
    internal const string UnusedImage = "unused-local-bundling-only";

    /// <summary>
    /// Finds <c>src/EcommerceBackupCdk.RestoreDrill</c> in the working directory or one of its parents (then in the
    /// directories above the running assembly) and returns its package, published for <c>linux-arm64</c>.
    /// </summary>
    /// <exception cref="BackupConfigurationException">The project is not there, e.g. when the library is used from NuGet.</exception>
    public static Code FromRepository() => FromProject(FindProjectDirectory(Directory.GetCurrentDirectory(), AppContext.BaseDirectory));

    /// <summary>The package of the validator project in <paramref name="projectDirectory"/>, published at synth time.</summary>
    public static Code FromProject(string projectDirectory)
    {
        ArgumentNullException.ThrowIfNull(projectDirectory);
        if (!File.Exists(Path.Combine(projectDirectory, DrillValidatorContract.ProjectFile)))
        {
            throw new BackupConfigurationException(
                $"drills.validatorCode: the validator project was not found (got '{Path.Combine(projectDirectory, DrillValidatorContract.ProjectFile)}', " +
                $"allowed a directory holding {DrillValidatorContract.ProjectFile})");
        }

        return Code.FromAsset(projectDirectory, new Amazon.CDK.AWS.S3.Assets.AssetOptions
        {
            // bin/ and obj/ change with every local build; the source alone decides the package.
            Exclude = ["bin", "obj", "**/bin", "**/obj"],
            Bundling = new BundlingOptions
            {
                Image = DockerImage.FromRegistry(UnusedImage),
                Local = new DotnetPublishBundling(projectDirectory),
            },
        });
    }

    /// <summary>The validator project directory under the first of <paramref name="startDirectories"/> (or a parent) that has it.</summary>
    internal static string FindProjectDirectory(params string[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DrillValidatorContract.ProjectDirectory);
                if (File.Exists(Path.Combine(candidate, DrillValidatorContract.ProjectFile)))
                {
                    return candidate;
                }
            }
        }

        throw new BackupConfigurationException(
            $"drills.validatorCode: the validator project {DrillValidatorContract.ProjectDirectory}/{DrillValidatorContract.ProjectFile} was not found " +
            $"(got the directories '{string.Join("', '", startDirectories)}' and their parents, " +
            "allowed a checkout of this repository, or set DrillOptions.ValidatorCode to Code.FromAsset of a published validator)");
    }
}
