using System.Text.Json.Nodes;
using EcommerceBackupCdk.App.Tests.Support;

namespace EcommerceBackupCdk.App.Tests.Stacks;

/// <summary>
/// The compliance gate itself is tested here: it passes on the demo assembly and fails when a suppression is removed,
/// so a gate that silently checks nothing cannot pass. scripts/test.sh also runs it over the CLI-synthesized assembly.
/// </summary>
public sealed class ComplianceGateTests
{
    [Fact]
    public void CdkNag_DemoAssembly_HasNoUnsuppressedFinding()
    {
        var (code, output) = Run("node", Repo.Path_("scripts", "compliance-gate.mjs"), DemoApp.Outdir);

        code.Should().Be(0, output);
        output.Should().Contain("0 unsuppressed findings");
    }

    [Fact]
    public void CdkNag_SuppressionRemoved_Fails()
    {
        var copy = CopyAssembly();
        var templatePath = Path.Combine(copy, "acme-backup-primary.template.json");
        var template = JsonNode.Parse(File.ReadAllText(templatePath))!;
        foreach (var (_, resource) in template["Resources"]!.AsObject())
        {
            resource!.AsObject().Remove("Metadata");
        }

        File.WriteAllText(templatePath, template.ToJsonString());

        var (code, output) = Run("node", Repo.Path_("scripts", "compliance-gate.mjs"), copy);

        code.Should().Be(1, output);
        output.Should().Contain("AwsSolutions-IAM4");
    }

    [Fact]
    public void CfnLint_DemoTemplates_HaveNoErrorOrWarning()
    {
        var templates = Directory.GetFiles(DemoApp.Outdir, "*.template.json");

        var (code, output) = Run("cfn-lint", [.. templates]);

        templates.Should().HaveCount(4);
        code.Should().Be(0, output);
    }

    [Fact]
    public void CfnLint_BrokenTemplate_Fails()
    {
        var copy = CopyAssembly();
        var templatePath = Path.Combine(copy, "acme-backup-dr-region.template.json");
        var template = JsonNode.Parse(File.ReadAllText(templatePath))!;
        var vault = template["Resources"]!.AsObject().First(kv => kv.Value!["Type"]!.GetValue<string>() == "AWS::Backup::BackupVault").Value!;
        vault["Properties"]!["LockConfiguration"]!["MinRetentionDays"] = "seven";
        File.WriteAllText(templatePath, template.ToJsonString());

        var (code, _) = Run("cfn-lint", templatePath);

        code.Should().NotBe(0);
    }

    private static string CopyAssembly()
    {
        var copy = Path.Combine(Path.GetTempPath(), "ebc-gate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(DemoApp.Outdir))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var result = Processes.Run(file, args, TimeSpan.FromMinutes(3));
        return (result.Code, result.Output);
    }
}
