using EcommerceBackupCdk.Compliance;
using EcommerceBackupCdk.Tests.Support;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Compliance;

public sealed class AuditValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(36501)]
    public void Validate_EvidenceRetentionOutOfRange_ReportsIt(int days)
    {
        Problems(new AuditOptions { EvidenceRetention = TimeSpan.FromDays(days) }).Should().ContainSingle().Which.Should()
            .StartWith("audit.evidenceRetention: Object Lock retention must be whole days from 1 day to 100 years (got ").And
            .EndWith(", allowed 1d to 36500d in whole days, e.g. '7y')");
    }

    [Fact]
    public void Validate_EvidenceRetentionNotWholeDays_ReportsIt() =>
        Problems(new AuditOptions { EvidenceRetention = TimeSpan.FromHours(36) }).Should().Equal(
            "audit.evidenceRetention: Object Lock retention must be whole days from 1 day to 100 years (got 36h, allowed 1d to 36500d in whole days, e.g. '7y')");

    [Fact]
    public void Validate_AccessLogRetentionZero_ReportsIt() =>
        Problems(new AuditOptions { AccessLogRetention = TimeSpan.Zero }).Should().Equal(
            "audit.accessLogRetention: must be whole days, at least 1 day (got 0m, allowed 1d or more in whole days)");

    [Fact]
    public void Validate_MoreThanFiveBreakGlassPrincipals_ReportsIt() =>
        Problems(new AuditOptions { BreakGlassPrincipals = Enumerable.Range(1, 6).Select(i => $"arn:aws:iam::111111111111:role/r{i}").ToList() })
            .Should().Equal("audit.breakGlassPrincipals: has more principals than the manual-deletion control accepts (got 6, allowed at most 5 IAM role ARNs)");

    [Fact]
    public void Validate_BreakGlassPrincipalNotARoleArn_ReportsEachWithItsIndex() =>
        Problems(new AuditOptions { BreakGlassPrincipals = ["arn:aws:iam::111111111111:role/ok", "arn:aws:iam::111111111111:user/alice"] })
            .Should().Equal("audit.breakGlassPrincipals[1]: is not an IAM role ARN (got 'arn:aws:iam::111111111111:user/alice', allowed arn:<partition>:iam::<12-digit account>:role/<path/name>)");

    [Fact]
    public void Facade_InvalidAudit_ThrowsWithEveryProblemBeforeCreatingAnything()
    {
        var stack = TestStacks.NewStack();

        var act = () => new EcommerceBackup(stack, "Backup", TestStacks.DemoProps() with
        {
            Audit = new AuditOptions { EvidenceRetention = TimeSpan.Zero, BreakGlassPrincipals = ["nope"] },
        });

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().HaveCount(2);
        stack.Node.Children.Should().BeEmpty();
    }

    [Fact]
    public void EvidenceBucket_InvalidRetention_Throws()
    {
        var stack = TestStacks.NewStack();

        var act = () => new EvidenceBucket(stack, "Evidence", new EvidenceBucketProps { StoreName = "acme", Retention = TimeSpan.FromDays(40000) });

        act.Should().Throw<BackupConfigurationException>().Which.Problems.Should().ContainSingle().Which.Should().StartWith("audit.evidenceRetention:");
    }

    private static IReadOnlyList<string> Problems(AuditOptions options)
    {
        var problems = new ValidationProblems();
        AuditValidator.Validate(options, problems);
        return problems.All;
    }
}
