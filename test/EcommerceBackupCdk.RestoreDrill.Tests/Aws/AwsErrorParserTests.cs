using EcommerceBackupCdk.RestoreDrill.Aws;

namespace EcommerceBackupCdk.RestoreDrill.Tests.Aws;

public sealed class AwsErrorParserTests
{
    [Theory]
    [InlineData("""{"__type":"com.amazonaws.backup#ResourceNotFoundException","message":"gone"}""", null, "ResourceNotFoundException", "gone")]
    [InlineData("""{"Message":"slow down"}""", "ThrottlingException:http://internal.amazon.com/coral/", "ThrottlingException", "slow down")]
    [InlineData("", null, "Http502", "(empty body)")]
    [InlineData("<html>bad gateway</html>", null, "Http502", "<html>bad gateway</html>")]
    public void Parse_JsonProtocols_ReadsCodeAndMessage(string body, string? header, string code, string message)
    {
        var (parsedCode, parsedMessage) = AwsErrorParser.Parse(AwsProtocol.RestJson, 502, body, header);

        parsedCode.Should().Be(code);
        parsedMessage.Should().Be(message);
    }

    [Fact]
    public void Parse_QueryXmlError_ReadsCodeAndMessage()
    {
        const string body = """<ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error><Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance x not found.</Message></Error><RequestId>1</RequestId></ErrorResponse>""";

        AwsErrorParser.Parse(AwsProtocol.Query, 404, body, null).Should().Be(("DBInstanceNotFound", "DBInstance x not found."));
    }

    [Theory]
    [InlineData("Throttling", true)]
    [InlineData("ThrottlingException", true)]
    [InlineData("TooManyRequestsException", true)]
    [InlineData("AccessDeniedException", false)]
    [InlineData("ResourceNotFoundException", false)]
    public void IsThrottling_Code_ClassifiesRetryability(string code, bool expected) =>
        AwsErrorParser.IsThrottling(code).Should().Be(expected);
}
