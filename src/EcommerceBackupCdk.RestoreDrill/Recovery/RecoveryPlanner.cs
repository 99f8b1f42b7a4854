using System.Globalization;

namespace EcommerceBackupCdk.RestoreDrill.Recovery;

/// <summary>
/// Chooses the one point in time for every resource. Pure: the windows come in, the plan (or a refusal that
/// names each resource that cannot reach the point and its window) goes out; nothing is created before it.
/// </summary>
public static class RecoveryPlanner
{
    /// <summary>
    /// "latest": the earliest of the latest restorable times, truncated to the second (every resource can reach
    /// it). An explicit time: refused unless inside every resource's [earliest, latest] window.
    /// </summary>
    public static RecoveryPlan Plan(RecoveryInput input, IReadOnlyList<PlannedResource> resources, IReadOnlyList<string> unusable, RecoveryPlan context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(unusable);
        ArgumentNullException.ThrowIfNull(context);
        var plan = context with { Tier = input.Tier, Mode = input.Mode, Latest = input.PointInTime is null };
        if (unusable.Count > 0)
        {
            return plan with { Refused = true, Reason = "nothing was restored: " + string.Join("; ", unusable) };
        }

        if (resources.Count == 0)
        {
            return plan with { Refused = true, Reason = $"nothing was restored: no DynamoDB table, RDS instance, Aurora cluster or S3 bucket in this account and region carries the tag of tier '{input.Tier}'" };
        }

        var windowed = resources.Where(r => r.LatestRestorableTime is not null).ToList();
        DateTimeOffset point;
        if (input.PointInTime is { } explicitTime)
        {
            point = explicitTime;
            var outside = windowed
                .Where(r => point > r.LatestRestorableTime!.Value || (r.EarliestRestorableTime is { } e && point < e))
                .Select(r => $"{r.SourceArn} can be restored only to {Text(r.EarliestRestorableTime)} .. {Text(r.LatestRestorableTime)}")
                .ToList();
            if (outside.Count > 0)
            {
                return plan with { Refused = true, Reason = $"nothing was restored: pointInTime {Text(point)} is outside the restorable window of {string.Join("; ", outside)}" };
            }
        }
        else
        {
            if (windowed.Count == 0)
            {
                return plan with { Refused = true, Reason = "nothing was restored: no resource reports a latest restorable time, so there is no common point in time" };
            }

            // The earliest of the latest restorable times, to the whole second when a whole second fits every window;
            // a window narrower than that (a resource just enabled) keeps the exact time.
            var earliestLatest = windowed.Min(r => r.LatestRestorableTime!.Value);
            var latestEarliest = windowed.Max(r => r.EarliestRestorableTime ?? DateTimeOffset.MinValue);
            point = new DateTimeOffset(earliestLatest.UtcTicks - (earliestLatest.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            if (point < latestEarliest)
            {
                var up = latestEarliest.UtcTicks % TimeSpan.TicksPerSecond == 0 ? latestEarliest : new DateTimeOffset(latestEarliest.UtcTicks - (latestEarliest.UtcTicks % TimeSpan.TicksPerSecond) + TimeSpan.TicksPerSecond, TimeSpan.Zero);
                point = up <= earliestLatest ? up : earliestLatest;
            }

            var tooEarly = windowed.Where(r => r.EarliestRestorableTime is { } e && point < e)
                .Select(r => $"{r.SourceArn} can be restored only to {Text(r.EarliestRestorableTime)} .. {Text(r.LatestRestorableTime)}")
                .ToList();
            if (tooEarly.Count > 0)
            {
                return plan with { Refused = true, Reason = $"nothing was restored: the common latest point {Text(point)} is before the earliest restorable time of {string.Join("; ", tooEarly)}" };
            }
        }

        return plan with { PointInTime = point, Resources = resources };
    }

    internal static string Text(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "unknown";
}
