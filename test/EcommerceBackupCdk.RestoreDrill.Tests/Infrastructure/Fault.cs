namespace EcommerceBackupCdk.RestoreDrill.Tests.Infrastructure;

/// <summary>One injected misbehaviour of a <see cref="LocalAwsServer"/>, used for the next request.</summary>
public sealed record Fault(int Status, string Body, string ContentType, TimeSpan Delay, bool Hang)
{
    public static Fault Throttling(string code = "ThrottlingException", int status = 400) =>
        new(status, $$"""{"__type":"{{code}}","message":"Rate exceeded"}""", "application/x-amz-json-1.1", TimeSpan.Zero, false);

    public static Fault QueryThrottling() =>
        new(400, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r-1</RequestId></ErrorResponse>", "text/xml", TimeSpan.Zero, false);

    public static Fault TooManyRequests() =>
        new(429, """{"__type":"TooManyRequestsException","message":"Too many requests"}""", "application/json", TimeSpan.Zero, false);

    public static Fault ServerError(int status = 500) =>
        new(status, """{"__type":"ServiceUnavailableException","message":"Internal failure"}""", "application/json", TimeSpan.Zero, false);

    /// <summary>Answers 200 with a body that does not follow the protocol.</summary>
    public static Fault Malformed(string body = "{\"RestoreJobId\": \"abc\", \"Status\": ") =>
        new(200, body, "application/json", TimeSpan.Zero, false);

    /// <summary>Holds the request open longer than the client's attempt timeout.</summary>
    public static Fault Timeout(TimeSpan delay) => new(0, string.Empty, string.Empty, delay, true);
}
