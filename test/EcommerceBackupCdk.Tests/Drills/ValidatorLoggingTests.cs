using EcommerceBackupCdk.Drills;
using EcommerceBackupCdk.Tests.Support;

namespace EcommerceBackupCdk.Tests.Drills;

/// <summary>
/// The validator's EMF lines must reach CloudWatch Logs as the log event itself, or no drill metric (and no drill
/// alarm) ever exists. The managed .NET runtime rewrites Console lines unless AWS_LAMBDA_HANDLER_LOG_FORMAT is
/// Unformatted, and its JSON log format nests them in "message"; sources in <see cref="DrillValidatorContract.UnformattedLogFormat"/>.
/// </summary>
public sealed class ValidatorLoggingTests
{
    [Fact]
    public void Validator_WritesConsoleLinesUnformattedInTheTextLogFormat_SoEmfIsExtracted()
    {
        var (_, _, template) = DrillFixture.Create();

        var function = Json.ResourcesOfType(template, "AWS::Lambda::Function")
            .Single(f => f["Properties"]!["Handler"]?.GetValue<string>() == DrillValidatorContract.Handler)["Properties"]!;

        function["Environment"]!["Variables"]![DrillValidatorContract.HandlerLogFormatVariable]!.GetValue<string>().Should().Be("Unformatted");
        (function["LoggingConfig"]?["LogFormat"]?.GetValue<string>() ?? "Text").Should().Be("Text",
            "the JSON log format would put the EMF document into a \"message\" string");
    }
}
