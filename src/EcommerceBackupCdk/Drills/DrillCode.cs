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
    /// Folder of the consuming app's output that holds the validator the NuGet package ships (published for
    /// <c>linux-arm64</c> at pack time; the package's build targets copy it there).
    /// </summary>
    public const string PackagedFolder = "ecommerce-backup-validator";

    /// <summary>
    /// The validator package the drills use by default: built from this repository's project when the app runs in a
    /// checkout (so a code change is deployed by the next synth), otherwise the copy published into the NuGet package
    /// at pack time (the path users of the package take).
    /// </summary>
    /// <exception cref="BackupConfigurationException">Neither is there.</exception>
    public static Code Default()
    {
        var starts = new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        if (TryFindProjectDirectory(starts, out var project))
        {
            return FromProject(project);
        }

        var packaged = PackagedDirectory();
        if (File.Exists(Path.Combine(packaged, DrillValidatorContract.Assembly)))
        {
            return Code.FromAsset(packaged);
        }

        throw new BackupConfigurationException(
            $"drills.validatorCode: no validator package was found (got no {DrillValidatorContract.ProjectDirectory}/{DrillValidatorContract.ProjectFile} above " +
            $"'{string.Join("', '", starts)}' and no published validator in '{packaged}', allowed a checkout of this repository, the NuGet package " +
            "EcommerceBackupCdk (which ships it), or DrillOptions.ValidatorCode set to Code.FromAsset of a published validator)");
    }

    /// <summary>Where the published validator from the NuGet package is: <see cref="PackagedFolder"/> next to the library's assembly.</summary>
    public static string PackagedDirectory() =>
        Path.Combine(Path.GetDirectoryName(typeof(DrillCode).Assembly.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory, PackagedFolder);

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
        if (TryFindProjectDirectory(startDirectories, out var found))
        {
            return found;
        }

        throw new BackupConfigurationException(
            $"drills.validatorCode: the validator project {DrillValidatorContract.ProjectDirectory}/{DrillValidatorContract.ProjectFile} was not found " +
            $"(got the directories '{string.Join("', '", startDirectories)}' and their parents, " +
            "allowed a checkout of this repository, or set DrillOptions.ValidatorCode to Code.FromAsset of a published validator)");
    }

    private static bool TryFindProjectDirectory(string[] startDirectories, out string found)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DrillValidatorContract.ProjectDirectory);
                if (File.Exists(Path.Combine(candidate, DrillValidatorContract.ProjectFile)))
                {
                    found = candidate;
                    return true;
                }
            }
        }

        found = string.Empty;
        return false;
    }
}
