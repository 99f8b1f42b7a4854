using System.Text.Json;
using EcommerceBackupCdk.Recovery;
using EcommerceBackupCdk.RestoreDrill.Handlers;
using EcommerceBackupCdk.RestoreDrill.Recovery;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Recovery;

public sealed class RecoveryPlannerTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 28, 15, 46, 59, 700, TimeSpan.Zero);

    private static PlannedResource R(string name, DateTimeOffset earliest, DateTimeOffset latest) => new()
    {
        Kind = RecoveryKinds.DynamoDb,
        SourceArn = $"arn:aws:dynamodb:eu-central-1:123456789012:table/{name}",
        SourceName = name,
        RestoredName = $"recovery-00000000-{name}",
        EarliestRestorableTime = earliest,
        LatestRestorableTime = latest,
    };

    private static RecoveryInput Input(DateTimeOffset? point = null) => new() { Tier = "critical", Mode = "drill", PointInTime = point };

    [Fact]
    public void Plan_Latest_IsTheEarliestOfTheLatestRestorableTimes_ToTheSecond()
    {
        var plan = RecoveryPlanner.Plan(Input(), [R("carts", T.AddDays(-35), T.AddMinutes(3)), R("orders", T.AddDays(-35), T)], [], new RecoveryPlan());
        plan.Refused.Should().BeFalse(plan.Reason);
        plan.PointInTime.Should().Be(new DateTimeOffset(2026, 11, 28, 15, 46, 59, TimeSpan.Zero));
        plan.Resources.Should().HaveCount(2);
    }

    [Fact]
    public void Plan_ExplicitTimeOutsideOneWindow_IsRefusedNamingThatResourceAndItsWindow()
    {
        var plan = RecoveryPlanner.Plan(Input(T.AddMinutes(-10)), [R("carts", T.AddDays(-35), T), R("orders", T.AddMinutes(-5), T)], [], new RecoveryPlan());
        plan.Refused.Should().BeTrue();
        plan.Reason.Should().Be("nothing was restored: pointInTime 2026-11-28T15:36:59Z is outside the restorable window of arn:aws:dynamodb:eu-central-1:123456789012:table/orders can be restored only to 2026-11-28T15:41:59Z .. 2026-11-28T15:46:59Z");
        plan.Resources.Should().BeEmpty();
    }

    [Fact]
    public void Plan_ExplicitTimeAfterLatest_IsRefused()
    {
        RecoveryPlanner.Plan(Input(T.AddMinutes(1)), [R("carts", T.AddDays(-1), T)], [], new RecoveryPlan()).Refused.Should().BeTrue();
    }

    [Fact]
    public void Plan_NothingTagged_IsRefused()
    {
        RecoveryPlanner.Plan(Input(), [], [], new RecoveryPlan()).Reason.Should().Contain("carries the tag of tier 'critical'");
    }

    [Fact]
    public void Plan_UnusableResource_RefusesTheWholeStore()
    {
        var plan = RecoveryPlanner.Plan(Input(), [R("carts", T.AddDays(-1), T)], ["arn:...:table/sessions has point-in-time recovery DISABLED"], new RecoveryPlan());
        plan.Refused.Should().BeTrue();
        plan.Reason.Should().Contain("table/sessions has point-in-time recovery DISABLED");
    }

    [Theory]
    [InlineData("{\"pointInTime\":\"latest\"}", "mode: required")]
    [InlineData("{\"pointInTime\":\"latest\",\"mode\":\"practice\"}", "mode: unknown mode (got 'practice', allowed drill | incident)")]
    [InlineData("{\"mode\":\"drill\"}", "pointInTime: required")]
    [InlineData("{\"pointInTime\":\"yesterday\",\"mode\":\"drill\"}", "pointInTime: not \"latest\" or an ISO-8601 UTC time (got 'yesterday'")]
    [InlineData("{\"pointInTime\":\"2026-11-28T15:46:59+03:00\",\"mode\":\"drill\"}", "pointInTime: not \"latest\" or an ISO-8601 UTC time")]
    [InlineData("{\"pointInTime\":\"latest\",\"mode\":\"drill\",\"tier\":\"gold\"}", "tier: unknown tier (got 'gold', allowed critical | standard | archive)")]
    [InlineData("{\"pointInTime\":\"latest\",\"mode\":\"drill\",\"force\":true}", "force: unknown field")]
    public void Input_Invalid_IsRefusedNamingFieldValueAndAllowed(string json, string expected)
    {
        using var doc = JsonDocument.Parse(json);
        var (input, problems) = RecoveryInput.Parse(doc.RootElement, ["critical", "standard", "archive"], "critical");
        input.Should().BeNull();
        problems.Should().Contain(p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Names_AlwaysCarryThePrefix_AndFitEachServicesRules()
    {
        var rds = RecoveryNames.Rds("incident-20261128T154659", new string('a', 70));
        rds.Should().StartWith("recovery-").And.HaveLength(63).And.MatchRegex("^[a-z][a-z0-9-]*[a-z0-9]$");
        RecoveryNames.AuroraInstance(rds).Should().StartWith("recovery-").And.EndWith("-w1").And.HaveLength(62);
        RecoveryNames.S3("x", "Media.Bucket").Should().MatchRegex("^recovery-[0-9a-f]{8}-media.bucket$");
        RecoveryNames.DynamoDb("x", "carts_v2").Should().EndWith("-carts_v2");
        RecoveryNames.Rds("a", "orders").Should().NotBe(RecoveryNames.Rds("b", "orders"), "two executions never share a name");
    }

    [Fact]
    public void Collect_ReadsGetResourcesPagesInEitherMemberCasing()
    {
        using var aws = JsonDocument.Parse("{\"collected\":{\"arns\":[\"arn:a\"],\"token\":\"\"},\"page\":{\"ResourceTagMappingList\":[{\"ResourceARN\":\"arn:b\"}],\"PaginationToken\":\"t2\"}}");
        using var javaCase = JsonDocument.Parse("{\"collected\":{\"arns\":[]},\"page\":{\"resourceTagMappingList\":[{\"resourceArn\":\"arn:c\"}],\"paginationToken\":\"\"}}");
        JsonSerializer.Serialize(StoreRecoveryHandler.Collect(aws.RootElement)).Should().Be("{\"arns\":[\"arn:a\",\"arn:b\"],\"token\":\"t2\"}");
        JsonSerializer.Serialize(StoreRecoveryHandler.Collect(javaCase.RootElement)).Should().Be("{\"arns\":[\"arn:c\"],\"token\":\"\"}");
    }
}
