using System.Text.Json;
using System.Text.RegularExpressions;
using EcommerceBackupCdk.App.Runbooks;
using EcommerceBackupCdk.App.Tests.Support;

namespace EcommerceBackupCdk.App.Tests.Runbooks;

public sealed partial class RunbookTests
{
    private static List<(string FileName, string Text)> DemoRendering() =>
        RunbookRenderer.Render(RunbookNames.From(DemoApp.Config))
            .Select(r => (r.FileName == "00-index.md" ? "README.md" : r.FileName, r.Text))
            .ToList();

    [Fact]
    public void CheckedInRunbooks_MatchTheDemoRendering()
    {
        var dir = Repo.Path_("runbooks");
        var rendered = DemoRendering();
        if (System.Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            RunbookRenderer.WriteTo(dir, RunbookNames.From(DemoApp.Config));
        }

        Directory.GetFiles(dir, "*.md").Select(Path.GetFileName).Should().BeEquivalentTo(rendered.Select(r => r.FileName));
        foreach (var (fileName, text) in rendered)
        {
            File.ReadAllText(Path.Combine(dir, fileName)).Should().Be(text,
                $"runbooks/{fileName} is stale: re-render with UPDATE_SNAPSHOTS=1 dotnet test --filter RunbookTests");
        }
    }

    [Fact]
    public void Runbooks_EveryAwsCommand_NamesARealSubcommandAndOptions()
    {
        var commands = DemoRendering().SelectMany(r => AwsCommands(r.Text)).ToList();

        commands.Should().HaveCountGreaterThan(40);
        var problems = CheckCli(commands);
        problems.Should().BeEmpty();
    }

    [Fact]
    public void CliChecker_BogusCommandOrOption_IsReported()
    {
        var problems = CheckCli(["aws backup start-restore-job --recovery-point-arn x --restore-everything", "aws backup restore-all", "aws rds wait db-exploded"]);

        problems.Should().HaveCount(3);
        problems.Should().Contain(p => p.Contains("has no option --restore-everything", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("unknown command 'backup restore-all'", StringComparison.Ordinal))
            .And.Contain(p => p.Contains("unknown waiter 'db-exploded'", StringComparison.Ordinal));
    }

    [Fact]
    public void Runbooks_EveryResourceName_ExistsInTheSynthesizedTemplates()
    {
        var names = RunbookNames.From(DemoApp.Config);
        var templates = string.Join("\n", Directory.GetFiles(DemoApp.Outdir, "*.template.json").Select(File.ReadAllText));

        foreach (var key in RunbookNames.ResourceNameKeys)
        {
            templates.Should().Contain($"\"{names[key]}\"", $"runbooks name {key} = {names[key]}");
        }
    }

    [Fact]
    public void Render_PlaceholderWithoutValue_Throws()
    {
        var names = RunbookNames.From(DemoApp.Config).Where(kv => kv.Key != "primaryVault").ToDictionary();

        var act = () => RunbookRenderer.Render(names);

        act.Should().Throw<InvalidOperationException>().WithMessage("*01-rds-aurora-pitr.md: {{primaryVault}}*");
    }

    private static IEnumerable<string> AwsCommands(string markdown)
    {
        foreach (Match block in BashBlock().Matches(markdown))
        {
            var joined = block.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal);
            foreach (var line in joined.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("aws ", StringComparison.Ordinal))
                {
                    var gt = trimmed.IndexOf(" > ", StringComparison.Ordinal);
                    yield return gt > 0 ? trimmed[..gt] : trimmed;
                }
            }
        }
    }

    private static List<string> CheckCli(IReadOnlyList<string> commands)
    {
        var result = Processes.Run("python3", [Repo.Path_("scripts", "check-aws-cli.py")], TimeSpan.FromMinutes(2),
            stdin: JsonSerializer.Serialize(commands));
        result.Code.Should().Be(0, result.Stderr);
        return JsonSerializer.Deserialize<List<JsonElement>>(result.Stdout)!
            .Select(p => $"{p.GetProperty("command").GetString()}: {p.GetProperty("problem").GetString()}")
            .ToList();
    }

    [GeneratedRegex("```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
