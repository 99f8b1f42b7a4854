using System.Text.Json;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.App.Tests.Config;

/// <summary>The generic reader every section reader uses.</summary>
public sealed class ConfigSectionTests
{
    private static (ConfigSection Root, ValidationProblems Problems) Parse(string json)
    {
        var problems = new ValidationProblems();
        return (ConfigSection.Root(JsonDocument.Parse(json).RootElement, problems), problems);
    }

    [Theory]
    [InlineData("compliance", VaultLockMode.Compliance)]
    [InlineData("Governance", VaultLockMode.Governance)]
    public void Choice_NameInAnyCase_IsParsed(string text, VaultLockMode expected)
    {
        var (root, problems) = Parse($$"""{ "mode": "{{text}}" }""");

        root.Choice<VaultLockMode>("mode", "is not a vault lock mode", "'governance' or 'compliance'").Should().Be(expected);
        problems.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Choice_Number_IsNoName()
    {
        // Enum.TryParse alone would take "1" for the second member (compliance mode here); the old reader did.
        var (root, problems) = Parse("""{ "mode": "1" }""");

        root.Choice<VaultLockMode>("mode", "is not a vault lock mode", "'governance' or 'compliance'").Should().BeNull();
        problems.All.Should().Equal("mode: is not a vault lock mode (got '1', allowed 'governance' or 'compliance')");
    }

    [Fact]
    public void Accessors_NullIsUnset_AndEveryAskedKeyIsKnown()
    {
        var (root, problems) = Parse("""{ "a": null, "b": "x", "c": 1 }""");

        root.String("a").Should().BeNull();
        root.Has("a").Should().BeTrue();
        root.String("b").Should().Be("x");
        root.Int("missing").Should().BeNull();
        root.ReportUnknownKeys();

        problems.All.Should().Equal("c: is not a known key (got 'c', allowed a, b, missing)");
    }

    [Fact]
    public void Members_MakeEveryKeyKnown_ButNotInNestedSections()
    {
        var (root, problems) = Parse("""{ "rules": { "Anything": { "x": 1 } } }""");

        var rules = root.Section("rules")!;
        foreach (var member in rules.Members())
        {
            rules.MemberSection(member).String("schedule");
        }

        root.ReportUnknownKeys();

        problems.All.Should().Equal("rules.Anything.x: is not a known key (got 'x', allowed schedule)");
    }
}
