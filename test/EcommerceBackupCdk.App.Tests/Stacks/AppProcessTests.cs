using System.Text.Json.Nodes;
using EcommerceBackupCdk.App.Tests.Support;

namespace EcommerceBackupCdk.App.Tests.Stacks;

/// <summary>
/// The app as users run it: as its own process, and through the real CDK CLI (<c>cdk synth</c>), which hands the
/// cdk.json context over in <c>CDK_CONTEXT_JSON</c>. Drills (with store recovery) and the demo store are off where they are not the point,
/// so the validator is not published for every case.
/// </summary>
public sealed class AppProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static string AppDll => Path.Combine(AppContext.BaseDirectory, "EcommerceBackupCdk.App.dll");

    private static JsonObject Config(Action<JsonObject> change)
    {
        var config = JsonNode.Parse(DemoApp.DemoConfigJson())!.AsObject();
        config["drills"] = new JsonObject { ["enabled"] = false };
        config["recovery"] = new JsonObject { ["enabled"] = false }; // runs on the drills; left on beside them it is refused
        change(config);
        return config;
    }

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ebc-app-process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void CdkSynth_NullRuleInCdkJson_RemovesTheRule()
    {
        // The README promises that "Daily": null removes the rule; through the CLI the context used to reach the app via
        // jsii, which drops null members, so the rule stayed.
        var dir = TempDir();
        var config = Config(c =>
        {
            c["demoStore"] = new JsonObject { ["enabled"] = false };
            c["targets"]!["critical"]!["rules"] = new JsonObject { ["Daily"] = null };
        });
        var cdkJson = new JsonObject
        {
            ["app"] = $"dotnet \"{AppDll}\"",
            ["notices"] = false,
            ["context"] = new JsonObject { ["cli-telemetry"] = false, ["ecommerceBackup"] = config },
        };
        File.WriteAllText(Path.Combine(dir, "cdk.json"), cdkJson.ToJsonString());

        var result = Processes.Run("node", [Repo.Path_("node_modules", "aws-cdk", "bin", "cdk"), "synth", "--quiet", "--output", "out"], Timeout, workingDirectory: dir);

        result.Code.Should().Be(0, result.Output);
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "out", "acme-backup-primary.template.json")))!;
        var plans = template["Resources"]!.AsObject()
            .Where(kv => kv.Value!["Type"]!.GetValue<string>() == "AWS::Backup::BackupPlan")
            .ToDictionary(
                kv => kv.Value!["Properties"]!["BackupPlan"]!["BackupPlanName"]!.GetValue<string>(),
                kv => kv.Value!["Properties"]!["BackupPlan"]!["BackupPlanRule"]!.AsArray().Select(r => r!["RuleName"]!.GetValue<string>()).ToList());
        plans["acme-critical"].Should().Equal("Hourly", "Weekly", "Continuous");
        plans["acme-standard"].Should().Equal("Daily", "Weekly");
    }

    [Fact]
    public void App_VerifyModeOnNonCompliantResources_PrintsFindingsAndExits1()
    {
        var config = Config(c => c["protection"]!["mode"] = "verify");
        var environment = new Dictionary<string, string>
        {
            ["CDK_CONTEXT_JSON"] = new JsonObject { ["ecommerceBackup"] = config }.ToJsonString(),
            ["CDK_OUTDIR"] = Path.Combine(TempDir(), "out"),
        };

        var result = Processes.Run("dotnet", [AppDll], Timeout, environment: environment);

        result.Code.Should().Be(1, result.Output);
        result.Stderr.Should().Contain("Validation failed with the following errors:")
            .And.Contain("[acme-demo-store/Carts/Resource] AWS::DynamoDB::Table PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: point-in-time recovery is off (got 'not set', allowed true (tier critical))");
        result.Output.Should().NotContain("Unhandled exception").And.NotContain("   at ");
    }

    [Fact]
    public void App_BadConfigFromTheCli_PrintsProblemsAndExits1()
    {
        var config = Config(c => c["drills"] = new JsonObject { ["validationWindow"] = "0h" });
        var environment = new Dictionary<string, string>
        {
            ["CDK_CONTEXT_JSON"] = new JsonObject { ["ecommerceBackup"] = config }.ToJsonString(),
            ["CDK_OUTDIR"] = Path.Combine(TempDir(), "out"),
        };

        var result = Processes.Run("dotnet", [AppDll], Timeout, environment: environment);

        result.Code.Should().Be(1, result.Output);
        result.Stderr.Should().Contain("drills.validationWindow: ");
        result.Output.Should().NotContain("Unhandled exception").And.NotContain("   at ");
    }
}
