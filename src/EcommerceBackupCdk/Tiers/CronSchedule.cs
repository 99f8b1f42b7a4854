using System.Globalization;
using System.Text.RegularExpressions;

namespace EcommerceBackupCdk.Tiers;

/// <summary>
/// An AWS Backup schedule expression: <c>cron(minutes hours day-of-month month day-of-week year)</c>.
/// AWS Backup accepts only cron expressions and runs a rule at most once an hour, so the minute field must be a
/// single value.
/// </summary>
public sealed partial record CronSchedule
{
    private CronSchedule(string expression, string[] fields)
    {
        Expression = expression;
        Minutes = fields[0];
        Hours = fields[1];
        DayOfMonth = fields[2];
        Month = fields[3];
        DayOfWeek = fields[4];
        Year = fields[5];
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>The minutes field.</summary>
    public string Minutes { get; }

    /// <summary>The hours field.</summary>
    public string Hours { get; }

    /// <summary>The day-of-month field.</summary>
    public string DayOfMonth { get; }

    /// <summary>The month field.</summary>
    public string Month { get; }

    /// <summary>The day-of-week field.</summary>
    public string DayOfWeek { get; }

    /// <summary>The year field.</summary>
    public string Year { get; }

    /// <summary>
    /// The longest gap between two runs: 1 hour for <c>*</c> hours, N hours for <c>*/N</c>, the largest gap of an
    /// hour list, 1 day for a daily rule, 7 days when days of the week are restricted, 31 days when days of the month
    /// are, 366 days when months are. Used as the worst-case RPO of a rule.
    /// </summary>
    public TimeSpan WorstCaseInterval
    {
        get
        {
            if (Month != "*")
            {
                return TimeSpan.FromDays(366);
            }

            if (DayOfMonth is not "*" and not "?")
            {
                return TimeSpan.FromDays(31);
            }

            if (DayOfWeek is not "*" and not "?")
            {
                return TimeSpan.FromDays(7);
            }

            return HourGap();
        }
    }

    /// <summary>How many times a month the rule runs at least (used for cost estimates).</summary>
    public double RunsPerMonth => 30.0 * 24.0 / WorstCaseInterval.TotalHours;

    /// <summary>Parses and validates an expression.</summary>
    /// <param name="expression">The expression, e.g. <c>cron(0 3 ? * * *)</c>.</param>
    /// <param name="schedule">The parsed schedule when valid.</param>
    /// <param name="problem">What is wrong when invalid.</param>
    public static bool TryParse(string? expression, out CronSchedule schedule, out string problem)
    {
        schedule = null!;
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(expression))
        {
            problem = "is empty";
            return false;
        }

        var match = CronPattern().Match(expression);
        if (!match.Success)
        {
            problem = "is not an AWS Backup cron expression";
            return false;
        }

        var fields = match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            problem = $"has {fields.Length} fields, AWS Backup cron needs 6 (minutes hours day-of-month month day-of-week year)";
            return false;
        }

        if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59)
        {
            problem = "runs more than once an hour or has an invalid minute; the minute field must be one number 0-59 (AWS Backup runs a rule at most hourly)";
            return false;
        }

        if (!HourField().IsMatch(fields[1]) || !HoursInRange(fields[1]))
        {
            problem = "has an invalid hours field; use *, */N, a number 0-23 or a list of them";
            return false;
        }

        if ((fields[2] == "?") == (fields[4] == "?"))
        {
            problem = "must have '?' in exactly one of day-of-month and day-of-week";
            return false;
        }

        if (!DayOfMonthField().IsMatch(fields[2]) || !MonthField().IsMatch(fields[3]) ||
            !DayOfWeekField().IsMatch(fields[4]) || !YearField().IsMatch(fields[5]))
        {
            problem = "has an invalid day-of-month, month, day-of-week or year field";
            return false;
        }

        schedule = new CronSchedule(expression, fields);
        return true;
    }

    /// <summary>Parses an expression, returning whether it is valid.</summary>
    public static bool TryParse(string? expression, out CronSchedule schedule) => TryParse(expression, out schedule, out _);

    private TimeSpan HourGap()
    {
        if (Hours == "*")
        {
            return TimeSpan.FromHours(1);
        }

        var step = Hours.Split('/');
        if (step.Length == 2)
        {
            return TimeSpan.FromHours(int.Parse(step[1], CultureInfo.InvariantCulture));
        }

        var hours = Hours.Split(',')
            .SelectMany(ExpandRange)
            .Distinct()
            .Order()
            .ToList();
        if (hours.Count <= 1)
        {
            return TimeSpan.FromDays(1);
        }

        var gaps = hours.Zip(hours.Skip(1), (a, b) => b - a).Append(24 - hours[^1] + hours[0]);
        return TimeSpan.FromHours(gaps.Max());
    }

    private static IEnumerable<int> ExpandRange(string part)
    {
        var bounds = part.Split('-');
        var from = int.Parse(bounds[0], CultureInfo.InvariantCulture);
        var to = bounds.Length == 2 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : from;
        return Enumerable.Range(from, Math.Max(0, to - from + 1));
    }

    private static bool HoursInRange(string field)
    {
        if (field == "*")
        {
            return true;
        }

        var step = field.Split('/');
        if (step.Length == 2)
        {
            var n = int.Parse(step[1], CultureInfo.InvariantCulture);
            return n is >= 1 and <= 23 && (step[0] == "*" || int.Parse(step[0], CultureInfo.InvariantCulture) <= 23);
        }

        return field.Split(',').SelectMany(ExpandRange).All(h => h is >= 0 and <= 23) && field.Split(',').All(p => ExpandRange(p).Any());
    }

    [GeneratedRegex(@"^cron\((.+)\)$")]
    private static partial Regex CronPattern();

    [GeneratedRegex(@"^(\*|\*/\d{1,2}|\d{1,2}/\d{1,2}|\d{1,2}(-\d{1,2})?(,\d{1,2}(-\d{1,2})?)*)$")]
    private static partial Regex HourField();

    [GeneratedRegex(@"^(\*|\?|L|LW|\d{1,2}W|\d{1,2}(-\d{1,2})?(,\d{1,2}(-\d{1,2})?)*|\d{1,2}/\d{1,2})$")]
    private static partial Regex DayOfMonthField();

    [GeneratedRegex(@"^(\*|(\d{1,2}|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)([-,](\d{1,2}|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC))*|\*/\d{1,2})$")]
    private static partial Regex MonthField();

    [GeneratedRegex(@"^(\*|\?|[1-7]L|L|[1-7]#[1-5]|([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)([-,]([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT))*)$")]
    private static partial Regex DayOfWeekField();

    [GeneratedRegex(@"^(\*|\d{4}(-\d{4})?(,\d{4})*|\d{4}/\d{1,3})$")]
    private static partial Regex YearField();
}
