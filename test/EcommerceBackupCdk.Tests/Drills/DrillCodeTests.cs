using Amazon.CDK;
using Amazon.CDK.Assertions;
using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Drills;

/// <summary>Packaging of the validator: the one test that really publishes it, and the clear errors when it cannot.</summary>
public sealed class DrillCodeTests
{
    [Fact]
    public void FromRepository_Synth_PublishesTheValidatorForLinuxArm64IntoTheAsset()
    {
        var outdir = Path.Combine(Path.GetTempPath(), "ebc-drill-code-" + Guid.NewGuid().ToString("N"));
        var app = new App(new AppProps { Outdir = outdir });
        var stack = new Stack(app, "Bundled", new StackProps { Env = new Amazon.CDK.Environment { Account = "111111111111", Region = "eu-central-1" } });
        var vault = new Amazon.CDK.AWS.Backup.BackupVault(stack, "Vault");
        new RestoreDrill(stack, "Drills", new RestoreDrillProps { StoreName = "acme", Vault = vault });

        var template = Template.FromStack(stack);
        var key = Support.Json.ResourcesOfType(template, "AWS::Lambda::Function").Single()["Properties"]!["Code"]!["S3Key"]!.GetValue<string>();
        var assetDir = Path.Combine(outdir, "asset." + Path.GetFileNameWithoutExtension(key));

        File.Exists(Path.Combine(assetDir, DrillValidatorContract.Assembly)).Should().BeTrue($"{assetDir} holds the published handler assembly");
        File.Exists(Path.Combine(assetDir, "EcommerceBackupCdk.RestoreDrill.runtimeconfig.json")).Should().BeTrue("Lambda's dotnet runtime needs it");
        File.ReadAllText(Path.Combine(assetDir, "EcommerceBackupCdk.RestoreDrill.deps.json")).Should().Contain("linux-arm64");
        Directory.Delete(outdir, recursive: true);
    }

    [Fact]
    public void FindProjectDirectory_NotInAnyParent_ClearError()
    {
        var empty = Directory.CreateTempSubdirectory("ebc-no-repo-").FullName;
        var act = () => DrillCode.FindProjectDirectory(empty);

        act.Should().Throw<BackupConfigurationException>().WithMessage(
            "*drills.validatorCode: the validator project src/EcommerceBackupCdk.RestoreDrill/EcommerceBackupCdk.RestoreDrill.csproj was not found*set DrillOptions.ValidatorCode*");
    }

    [Fact]
    public void FromProject_DirectoryWithoutProject_ClearError()
    {
        var empty = Directory.CreateTempSubdirectory("ebc-no-project-").FullName;
        var act = () => DrillCode.FromProject(empty);

        act.Should().Throw<BackupConfigurationException>().WithMessage("*drills.validatorCode: the validator project was not found*EcommerceBackupCdk.RestoreDrill.csproj*");
    }

    [Fact]
    public void PublishArguments_ReleaseLinuxArm64FrameworkDependent()
    {
        DotnetPublishBundling.Arguments("/repo/src/EcommerceBackupCdk.RestoreDrill", "/out").Should().ContainInOrder(
            "publish", "/repo/src/EcommerceBackupCdk.RestoreDrill", "-c", "Release", "-r", "linux-arm64", "--self-contained", "false", "-o", "/out");
    }
}
