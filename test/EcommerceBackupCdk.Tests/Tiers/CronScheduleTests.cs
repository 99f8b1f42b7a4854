using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Tests.Tiers;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("cron(0 * ? * * *)", 1)]
    [InlineData("cron(30 */4 ? * * *)", 4)]
    [InlineData("cron(0 0,12 ? * * *)", 12)]
    [InlineData("cron(0 1,2,20 ? * * *)", 18)]
    [InlineData("cron(0 3 ? * * *)", 24)]
    [InlineData("cron(0 3 * * ? *)", 24)]
    [InlineData("cron(0 4 ? * SUN *)", 24 * 7)]
    [InlineData("cron(0 5 1 * ? *)", 24 * 31)]
    [InlineData("cron(0 5 1 1 ? *)", 24 * 366)]
    [InlineData("cron(0 3 ? * MON-FRI *)", 24 * 3)]
    [InlineData("cron(0 3 ? * 2-6 *)", 24 * 3)]
    [InlineData("cron(0 3 ? * 1,7 *)", 24 * 6)]
    [InlineData("cron(0 5 31 * ? *)", 24 * 61)]
    [InlineData("cron(0 9 ? * 2#1 *)", 24 * 35)]
    [InlineData("cron(0 9 ? * 6L *)", 24 * 35)]
    public void WorstCaseInterval_ValidSchedule_IsLongestGap(string expression, int hours)
    {
        CronSchedule.TryParse(expression, out var schedule, out var problem).Should().BeTrue(problem);

        schedule.WorstCaseInterval.Should().Be(TimeSpan.FromHours(hours));
    }

    [Fact]
    public void WorstCaseIntervalIn_DailyInAZoneWithDaylightSaving_IsTheLongDayOfTheYear()
    {
        CronSchedule.TryParse("cron(0 3 ? * * *)", out var daily).Should().BeTrue();

        daily.WorstCaseIntervalIn(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).Should().Be(TimeSpan.FromHours(25));
        daily.WorstCaseIntervalIn(TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul")).Should().Be(TimeSpan.FromHours(24));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("0 * * * *", "is not an AWS Backup cron expression")]
    [InlineData("cron(* * ? * * *)", "the minute field must be one number")]
    [InlineData("cron(0,30 * ? * * *)", "the minute field must be one number")]
    [InlineData("cron(60 * ? * * *)", "the minute field must be one number")]
    [InlineData("cron(0 24 ? * * *)", "invalid hours field")]
    [InlineData("cron(0 * ? * ? *)", "exactly one of day-of-month and day-of-week")]
    [InlineData("cron(0 3 ? * FUNDAY *)", "invalid day-of-month, month, day-of-week or year field")]
    public void TryParse_InvalidSchedule_SaysWhy(string expression, string expected)
    {
        CronSchedule.TryParse(expression, out _, out var problem).Should().BeFalse();

        problem.Should().Contain(expected);
    }
}
