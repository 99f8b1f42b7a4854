using System.Text.Json.Nodes;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.App.Stacks;
using EcommerceBackupCdk.App.Tests.Support;

namespace EcommerceBackupCdk.App.Tests.Stacks;

/// <summary>
/// The Control Tower gate (scripts/controltower-gate.mjs: every Control Tower proactive control of npm
/// @cdklabs/cdk-validator-cfnguard, run by its cfn-guard binary) on real assemblies: it passes on the demo, fails
/// when a suppression, its reason or a compliant setting is removed (so a gate that checks nothing cannot pass), and
/// passes on the strict configuration with only the suppressions no configuration can meet. scripts/test.sh also runs
/// it over the CLI-synthesized assembly.
/// </summary>
public sealed class ControlTowerGateTests
{
    private static readonly Lazy<string> StrictAssembly = new(SynthStrict);

    [Fact]
    public void Gate_DemoAssembly_HasNoUnsuppressedFinding()
    {
        var (code, output) = Gate(DemoApp.Outdir);

        code.Should().Be(0, output);
        output.Should().MatchRegex(@"controltower: 4 templates, \d{3} Control Tower proactive controls \(cfn-guard\): 0 unsuppressed findings, [1-9]\d* suppressed with reasons");
    }

    [Fact]
    public void Gate_SuppressionRemoved_FailsNamingControlAndResource()
    {
        var copy = CopyAssembly(DemoApp.Outdir);
        var (templatePath, template) = Load(copy, "acme-backup-primary");
        var (logicalId, function) = template["Resources"]!.AsObject().First(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Function");
        function!["Metadata"]!.AsObject().Remove("guard");
        File.WriteAllText(templatePath, template.ToJsonString());

        var (code, output) = Gate(copy);

        code.Should().Be(1, output);
        output.Should().Contain($"[CT.LAMBDA.PR.3] acme-backup-primary {logicalId} (AWS::Lambda::Function");
        output.Should().Contain("1 unsuppressed findings");
    }

    [Fact]
    public void Gate_SuppressionWithoutReason_Fails()
    {
        var copy = CopyAssembly(DemoApp.Outdir);
        var (templatePath, template) = Load(copy, "acme-demo-store");
        var (logicalId, media) = template["Resources"]!.AsObject().First(r => r.Key.StartsWith("Media", StringComparison.Ordinal) && r.Value!["Type"]!.GetValue<string>() == "AWS::S3::Bucket");
        media!["Metadata"]!["guard"]!.AsObject().Remove("SuppressionReasons");
        File.WriteAllText(templatePath, template.ToJsonString());

        var (code, output) = Gate(copy);

        code.Should().Be(1, output);
        output.Should().Contain($"[suppression] acme-demo-store {logicalId}: suppression of CT.S3.PR.4 has no reason");
    }

    [Fact]
    public void Gate_KeyWithoutGrantRestriction_FailsKmsPr3()
    {
        var copy = CopyAssembly(DemoApp.Outdir);
        var (templatePath, template) = Load(copy, "acme-backup-dr-region");
        var (logicalId, key) = template["Resources"]!.AsObject().First(r => r.Value!["Type"]!.GetValue<string>() == "AWS::KMS::Key");
        var statements = key!["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray();
        statements.Remove(statements.Single(s => s!["Sid"]?.GetValue<string>() == EcommerceBackupCdk.Compliance.KmsGrantPolicy.Sid));
        File.WriteAllText(templatePath, template.ToJsonString());

        var (code, output) = Gate(copy);

        code.Should().Be(1, output);
        output.Should().Contain($"[CT.KMS.PR.3] acme-backup-dr-region {logicalId} (AWS::KMS::Key");
        output.Should().Contain("1 unsuppressed findings");
    }

    [Fact]
    public void Gate_StrictAssembly_PassesWithOnlyTheLogDestinationSuppressions()
    {
        var report = Path.Combine(Path.GetTempPath(), "ebc-ct-" + Guid.NewGuid().ToString("N") + ".json");

        var (code, output) = Gate(StrictAssembly.Value, "--json", report);

        code.Should().Be(0, output);
        var suppressions = JsonNode.Parse(File.ReadAllText(report))!["suppressions"]!.AsArray();
        suppressions.Select(s => s!["rule"]!.GetValue<string>()).Distinct().Order().Should().Equal("CT.S3.PR.10", "CT.S3.PR.2", "CT.S3.PR.9");
        // Only S3 access-log destinations keep suppressions, and the AWS Config delivery bucket its Object Lock one:
        // "AWS Config does not support the delivery channel to an Amazon S3 bucket where object lock is enabled."
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-config-deliverychannel.html)
        suppressions.Should().OnlyContain(
            s => s!["resource"]!.GetValue<string>().Contains("Logs", StringComparison.Ordinal)
                || (s["resource"]!.GetValue<string>().Contains("RecorderDeliveryBucket", StringComparison.Ordinal) && s["rule"]!.GetValue<string>() == "CT.S3.PR.9"),
            "only S3 access-log destinations and the Config delivery bucket's Object Lock keep suppressions");
    }

    [Fact]
    public void CdkNag_StrictAssembly_HasNoUnsuppressedFinding()
    {
        var result = Processes.Run("node", [Repo.Path_("scripts", "compliance-gate.mjs"), StrictAssembly.Value], TimeSpan.FromMinutes(5));

        result.Code.Should().Be(0, result.Output);
    }

    // The demo config with controlTower.strict and a drill network; the validator package is a stub so the
    // synthesis does not publish the Lambda again (the demo synthesis already does).
    private static string SynthStrict()
    {
        var json = JsonNode.Parse(DemoApp.DemoConfigJson())!.AsObject();
        json["controlTower"] = new JsonObject { ["strict"] = true };
        json["drills"]!["network"] = JsonNode.Parse("""{ "vpcId": "vpc-0123456789abcdef0", "subnetIds": ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"] }""");
        var config = ConfigReader.Read(json.ToJsonString());
        var stub = Path.Combine(Path.GetTempPath(), "ebc-ct-stub-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(stub);
        File.WriteAllText(Path.Combine(stub, "EcommerceBackupCdk.RestoreDrill.dll"), "stub");
        config = config with { Backup = config.Backup with { Drills = config.Backup.Drills with { ValidatorCode = Amazon.CDK.AWS.Lambda.Code.FromAsset(stub) } } };

        var outdir = Path.Combine(Path.GetTempPath(), "ebc-ct-strict-" + Guid.NewGuid().ToString("N"));
        var app = new Amazon.CDK.App(new Amazon.CDK.AppProps { Outdir = outdir });
        BackupApp.Build(app, config);
        app.Synth();
        return outdir;
    }

    private static (string Path, JsonNode Template) Load(string assembly, string stack)
    {
        var path = Path.Combine(assembly, $"{stack}.template.json");
        return (path, JsonNode.Parse(File.ReadAllText(path))!);
    }

    private static string CopyAssembly(string from)
    {
        var copy = Path.Combine(Path.GetTempPath(), "ebc-ct-gate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static (int Code, string Output) Gate(string assembly, params string[] extra)
    {
        var result = Processes.Run("node", [Repo.Path_("scripts", "controltower-gate.mjs"), assembly, .. extra], TimeSpan.FromMinutes(5));
        return (result.Code, result.Output);
    }
}
