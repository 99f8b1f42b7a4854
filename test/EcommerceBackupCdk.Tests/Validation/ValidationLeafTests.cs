using System.Text.RegularExpressions;

namespace EcommerceBackupCdk.Tests.Validation;

/// <summary>
/// <c>Validation/</c> holds the shared problem list and value formats and imports no feature folder (DESIGN §2): a
/// domain fact there would pull the features it knows about into every feature that reports a problem.
/// </summary>
public sealed partial class ValidationLeafTests
{
    [Fact]
    public void ValidationFolder_ReferencesNoOtherNamespaceOfTheLibrary()
    {
        var folder = Path.Combine(RepoRoot(), "src", "EcommerceBackupCdk", "Validation");
        var offending = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => FeatureReference().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Directory.EnumerateFiles(folder, "*.cs").Should().NotBeEmpty();
        offending.Should().BeEmpty();
    }

    [Fact]
    public void FeatureReference_UsingOfAFeature_IsFound()
    {
        FeatureReference().IsMatch("using EcommerceBackupCdk.Vaults;").Should().BeTrue();
        FeatureReference().IsMatch("        Plans.TieredBackupPlan.ContinuousRuleName").Should().BeTrue();
        FeatureReference().IsMatch("namespace EcommerceBackupCdk.Validation;").Should().BeFalse();
    }

    // A using or a qualified name of any library folder other than Validation itself.
    [GeneratedRegex(@"\bEcommerceBackupCdk\.(Tiers|Topology|Vaults|Plans|Protection|Monitoring|Drills|Recovery|Compliance|Posture|Rules)\b|\b(Tiers|Topology|Vaults|Plans|Protection|Monitoring|Drills|Recovery|Compliance|Posture|Rules)\.[A-Z]")]
    private static partial Regex FeatureReference();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcommerceBackupCdk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No EcommerceBackupCdk.sln above {AppContext.BaseDirectory}.");
    }
}
