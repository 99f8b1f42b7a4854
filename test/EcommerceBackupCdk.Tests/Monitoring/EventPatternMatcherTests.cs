using System.Text.Json.Nodes;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Monitoring;

/// <summary>The matcher the job-event tests rely on must be able to say no.</summary>
public sealed class EventPatternMatcherTests
{
    private static readonly JsonNode Event = JsonNode.Parse("""
        { "source": "aws.backup", "detail-type": "Backup Job State Change", "resources": ["arn:a", "arn:b"],
          "detail": { "state": "FAILED", "percentDone": 0, "createdBy": { "backupPlanId": "p-1" } } }
        """)!;

    [Theory]
    [InlineData("""{ "source": ["aws.backup"] }""", true)]
    [InlineData("""{ "source": ["aws.s3", "aws.backup"] }""", true)]
    [InlineData("""{ "source": ["AWS.BACKUP"] }""", false)]
    [InlineData("""{ "detail": { "state": ["FAILED", "EXPIRED"] } }""", true)]
    [InlineData("""{ "detail": { "state": ["COMPLETED"] } }""", false)]
    [InlineData("""{ "detail": { "status": ["FAILED"] } }""", false)]
    [InlineData("""{ "detail": { "percentDone": [0] } }""", true)]
    [InlineData("""{ "detail": { "percentDone": ["0"] } }""", false)]
    [InlineData("""{ "detail": { "createdBy": { "backupPlanId": ["p-1"] } } }""", true)]
    [InlineData("""{ "detail": { "createdBy": { "backupPlanId": ["p-2"] } } }""", false)]
    [InlineData("""{ "detail": { "missing": { "x": ["y"] } } }""", false)]
    [InlineData("""{ "resources": ["arn:b"] }""", true)]
    [InlineData("""{ "resources": ["arn:c"] }""", false)]
    [InlineData("""{ "detail": { "state": [{ "prefix": "FAIL" }] } }""", true)]
    [InlineData("""{ "detail": { "state": [{ "prefix": "COMP" }] } }""", false)]
    [InlineData("""{ "detail": { "statusMessage": [{ "exists": false }] } }""", true)]
    [InlineData("""{ "detail": { "statusMessage": [{ "exists": true }] } }""", false)]
    [InlineData("""{ "source": ["aws.backup"], "detail": { "state": ["COMPLETED"] } }""", false)]
    [InlineData("""{ "detail": { "percentDone": [{ "numeric": ["<", 1] }] } }""", true)]
    [InlineData("""{ "detail": { "percentDone": [{ "numeric": [">", 0, "<=", 5] }] } }""", false)]
    [InlineData("""{ "detail": { "state": [{ "numeric": ["<", 1] }] } }""", false)]
    public void Matches_Pattern_FollowsEventBridgeRules(string pattern, bool expected)
    {
        EventPatternMatcher.Matches(JsonNode.Parse(pattern)!.AsObject(), Event).Should().Be(expected);
    }

    [Fact]
    public void Matches_UnsupportedOperator_Throws()
    {
        var act = () => EventPatternMatcher.Matches(JsonNode.Parse("""{ "detail": { "state": [{ "anything-but": "X" }] } }""")!.AsObject(), Event);

        act.Should().Throw<NotSupportedException>();
    }
}
