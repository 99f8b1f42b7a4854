using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Validation;

/// <summary>Problems keep the key they name, so lists merge by key without reading the text.</summary>
public sealed class ValidationProblemsTests
{
    [Fact]
    public void AddUnlessNamed_SkipsKeysAlreadyNamedAndKeepsTheRest()
    {
        var reader = new ValidationProblems();
        reader.Add("storeName", "is required", null, "a value");
        var rules = new ValidationProblems();
        rules.Add("storeName", "is not a valid store name", "", "letters");
        rules.Add("targets.critical.rules", "has a duplicate rule name", "Daily", "unique rule names per tier");
        rules.Add("targets.critical.rules", "has an invalid rule name", "a b", "letters");
        rules.AddRaw("no key here");

        reader.AddUnlessNamed(rules);

        reader.All.Should().Equal(
            "storeName: is required (got nothing, allowed a value)",
            "targets.critical.rules: has a duplicate rule name (got 'Daily', allowed unique rule names per tier)",
            "targets.critical.rules: has an invalid rule name (got 'a b', allowed letters)",
            "no key here");
        reader.Names("targets.critical.rules").Should().BeTrue();
        reader.Names("targets").Should().BeFalse("a key is matched whole, not as a prefix");
    }
}
