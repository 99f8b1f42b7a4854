using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Tests.Validation;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("5m", 5)]
    [InlineData("4h", 240)]
    [InlineData("35d", 35 * 1440)]
    [InlineData("2w", 14 * 1440)]
    [InlineData("7y", 7 * 365 * 1440)]
    public void TryParse_CompactDuration_ReadsMinutes(string text, long minutes)
    {
        DurationText.TryParse(text, out var value).Should().BeTrue();
        value.TotalMinutes.Should().Be(minutes);
        DurationText.Format(value).Should().Be(text == "2w" ? "14d" : text);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5 days")]
    [InlineData("-5d")]
    [InlineData("1.5h")]
    [InlineData("")]
    public void TryParse_Malformed_Fails(string text) => DurationText.TryParse(text, out _).Should().BeFalse();
}
