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
    /// The longest gap between two runs in UTC (<see cref="WorstCaseIntervalIn"/> with <see cref="TimeZoneInfo.Utc"/>).
    /// Used as the worst-case RPO of a rule.
    /// </summary>
    public TimeSpan WorstCaseInterval => WorstCaseIntervalIn(TimeZoneInfo.Utc);

    /// <summary>
    /// The exact longest gap between two consecutive runs when the schedule is read in <paramref name="timeZone"/>,
    /// found by enumerating its occurrences (Cronos) from 2024 to 2032: leap years, months of 28-31 days, weekday
    /// patterns and daylight-saving shifts (a daily 03:00 in Europe/Berlin is 25 hours apart once a year) all count.
    /// <c>cron(0 3 ? * MON-FRI *)</c> is 3 days (Friday to Monday), not a week. AWS reads the fields as
    /// "cron(Minutes | Hours | Day-of-month | Month | Day-of-week | Year)" with "Day-of-week 1-7 or SUN-SAT" (Sunday = 1)
    /// and "L ... If used in Day-of-week field, specifies last day of the week (Saturday)" (the CloudWatch Events
    /// schedule-expression table AWS Backup refers to — "For more information about Amazon Web Services cron
    /// expressions, see Schedule Expressions for Rules in the Amazon CloudWatch Events User Guide",
    /// https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/backup/aws.sdk.kotlin.services.backup.model/-backup-rule/schedule-expression.html;
    /// the same table: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Synthetics_Canaries_cron.html),
    /// so day-of-week numbers are shifted to Cronos' Sunday = 0 and the year field filters the occurrences.
    /// A schedule with fewer than two runs in that span gives <see cref="TimeSpan.MaxValue"/>.
    /// </summary>
    public TimeSpan WorstCaseIntervalIn(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        return Gaps.GetOrAdd((Expression, timeZone.Id), _ => ComputeWorstCaseInterval(timeZone));
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

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), TimeSpan> Gaps = new();

    private static readonly DateTime HorizonStart = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly DateTime HorizonEnd = new(2032, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private TimeSpan ComputeWorstCaseInterval(TimeZoneInfo timeZone)
    {
        var cron = Cronos.CronExpression.Parse($"{Minutes} {Hours} {DayOfMonth} {Month} {CronosDayOfWeek(DayOfWeek)}", Cronos.CronFormat.Standard);
        var years = YearFilter(Year);
        var worst = TimeSpan.Zero;
        DateTime? previous = null;
        foreach (var run in cron.GetOccurrences(HorizonStart, HorizonEnd, timeZone, fromInclusive: true, toInclusive: false))
        {
            if (!years(TimeZoneInfo.ConvertTimeFromUtc(run, timeZone).Year))
            {
                continue;
            }

            if (previous is { } p && run - p > worst)
            {
                worst = run - p;
            }

            previous = run;
        }

        return worst == TimeSpan.Zero ? TimeSpan.MaxValue : worst;
    }

    // AWS numbers days of the week 1-7 from Sunday, Cronos 0-6; a bare L in AWS's day-of-week is Saturday.
    private static string CronosDayOfWeek(string field) =>
        field == "L" ? "SAT" : DayNumber().Replace(field, m => (int.Parse(m.Value, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture));

    private static Func<int, bool> YearFilter(string field)
    {
        if (field == "*")
        {
            return _ => true;
        }

        var step = field.Split('/');
        if (step.Length == 2)
        {
            var first = int.Parse(step[0], CultureInfo.InvariantCulture);
            var every = int.Parse(step[1], CultureInfo.InvariantCulture);
            return y => y >= first && every > 0 && (y - first) % every == 0;
        }

        var years = field.Split(',').SelectMany(ExpandRange).ToHashSet();
        return years.Contains;
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

    // A day-of-week number not preceded by '#' (the n in n#k is the day, k the week).
    [GeneratedRegex(@"(?<![#\d])[1-7](?!\d)")]
    private static partial Regex DayNumber();

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
