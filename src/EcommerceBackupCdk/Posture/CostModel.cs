using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Posture;

/// <summary>
/// The estimate behind the posture report, simple enough to redo by hand. For a resource of S GiB changing c per day,
/// given the rules its plan applies to it (derived per family, or the tier's rules for the naive plan):
/// <list type="bullet">
/// <item>Full-copy types (DynamoDB: "Each time you create an on-demand backup, the entire table data is backed up.",
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateBackup.html): every recovery point stores S.
/// A rule keeps retention ÷ interval points.</item>
/// <item>Incremental types (RDS, Aurora, S3, EFS, EBS: "For the first backup of an AWS resource, a full copy of your data
/// is saved. For each incremental backup, only the changed part of your AWS resource is saved.",
/// https://aws.amazon.com/backup/pricing/): a vault stores one full copy plus the changes of its longest retention:
/// S × (1 + c × days).</item>
/// <item>Days after a rule's cold-storage transition are priced cold where the type has cold storage, else warm ("AWS
/// Backup ignores this expression for other resource types.",
/// https://docs.aws.amazon.com/aws-backup/latest/devguide/API_Lifecycle.html).</item>
/// <item>S3 with backup tiering after D days (objects age in the vault; the unchanged base ages too): warm S × c × D, the
/// rest S × (1 + c × (days − D)) at the low-cost warm price. The one-time per-object transition fee is not included.</item>
/// <item>DynamoDB point-in-time recovery (on in every tier under the guard-rails): S at the PITR price, whatever the
/// recovery period ("Changing the recovery window (for example, from 35 days to 1 day) doesn't reduce the price.",
/// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html). AWS Backup
/// continuous backup of RDS, Aurora and S3: S × c × continuous retention days, at the warm price.</item>
/// <item>Copies to another region: S per copy for full-copy types, S × c × 30 a month for incremental ones, at the
/// transfer price. Copies within a region (to another account) transfer nothing billable. A copy into a logically
/// air-gapped vault is priced at <see cref="PriceTable.AirGappedStorage"/>.</item>
/// </list>
/// The resource's own storage, restores, requests and S3 noncurrent versions are not included.
/// </summary>
internal static class CostModel
{
    private const double DaysPerMonth = 30;

    /// <summary>What a plan applies to one resource, and where its copies land.</summary>
    public sealed record Inputs(
        string Type,
        double Size,
        double ChangeRate,
        IReadOnlyList<DerivedRule> Rules,
        bool NativeDynamoDbPitr,
        bool DrAccountIsCrossRegion,
        TimeSpan? S3Tiering,
        IReadOnlySet<CopyDestination> AirGapped);

    public static List<CostLine> Estimate(Inputs x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var family = ResourceFamilies.Of(x.Type);
        var fullCopy = ResourceFamilies.StoresFullCopies(family);
        var tiering = ResourceFamilies.HasLowCostWarmTier(family) ? x.S3Tiering : null;
        var lines = new List<CostLine>();
        var snapshots = x.Rules.Where(r => !r.Continuous).ToList();
        Vault(lines, "primary vault", fullCopy, x.Size, x.ChangeRate, PriceTable.Storage[x.Type], tiering,
            snapshots.Select(r => (Interval(r.Schedule), r.Retention, r.MoveToColdStorageAfter)).ToList());

        foreach (var destination in new[] { CopyDestination.DrRegion, CopyDestination.DrAccount })
        {
            var copies = snapshots
                .SelectMany(r => r.Copies.Where(c => c.Destination == destination).Select(c => (Interval(r.Schedule), c.Retention, c.MoveToColdStorageAfter)))
                .ToList();
            if (copies.Count == 0)
            {
                continue;
            }

            var airGapped = x.AirGapped.Contains(destination);
            var label = destination == CopyDestination.DrRegion ? "DR-region vault" : airGapped ? "air-gapped vault" : "DR-account vault";
            var price = airGapped ? PriceTable.AirGappedStorage[x.Type] : PriceTable.Storage[x.Type];
            Vault(lines, label, fullCopy, x.Size, x.ChangeRate, price, tiering, copies);
            if (destination == CopyDestination.DrRegion || x.DrAccountIsCrossRegion)
            {
                var gb = fullCopy ? copies.Sum(c => x.Size * DaysPerMonth / c.Item1.TotalDays) : x.Size * x.ChangeRate * DaysPerMonth;
                Add(lines, $"{label} cross-region transfer", gb, PriceTable.CrossRegionTransferPerGb);
            }
        }

        if (fullCopy && x.NativeDynamoDbPitr)
        {
            Add(lines, "point-in-time recovery", x.Size, PriceTable.DynamoDbPitrPerGbMonth);
        }
        else if (x.Rules.FirstOrDefault(r => r.Continuous) is { } continuous && ResourceFamilies.HasAwsBackupContinuous(family))
        {
            Add(lines, "continuous backup", x.Size * x.ChangeRate * continuous.Retention.TotalDays, PriceTable.Storage[x.Type].WarmPerGbMonth);
        }

        return lines;
    }

    public static TimeSpan Interval(string schedule) =>
        CronSchedule.TryParse(schedule, out var cron) ? cron.WorstCaseInterval : TimeSpan.FromDays(1);

    private static void Vault(List<CostLine> lines, string label, bool fullCopy, double size, double changeRate, BackupStoragePrice price, TimeSpan? tiering,
        List<(TimeSpan Interval, TimeSpan Retention, TimeSpan? Cold)> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        double warm = 0, cold = 0, lowCost = 0, maxWarmDays = 0, maxColdDays = 0;
        foreach (var (interval, retention, coldAfter) in entries)
        {
            var warmDays = price.ColdPerGbMonth is null || coldAfter is null ? retention.TotalDays : Math.Min(coldAfter.Value.TotalDays, retention.TotalDays);
            var coldDays = retention.TotalDays - warmDays;
            warm += size * warmDays / interval.TotalDays;
            cold += size * coldDays / interval.TotalDays;
            maxWarmDays = Math.Max(maxWarmDays, warmDays);
            maxColdDays = Math.Max(maxColdDays, coldDays);
        }

        if (!fullCopy)
        {
            warm = size * (1 + changeRate * maxWarmDays);
            cold = size * changeRate * maxColdDays;
            if (tiering is { } after && maxWarmDays > after.TotalDays)
            {
                warm = size * changeRate * after.TotalDays;
                lowCost = size * (1 + changeRate * (maxWarmDays - after.TotalDays));
            }
        }

        Add(lines, $"{label} warm storage", warm, price.WarmPerGbMonth);
        Add(lines, $"{label} low-cost warm storage (tiering after {(int)(tiering?.TotalDays ?? 0)}d)", lowCost, PriceTable.S3LowCostWarmPerGbMonth);
        if (price.ColdPerGbMonth is { } coldPrice)
        {
            Add(lines, $"{label} cold storage", cold, coldPrice);
        }
    }

    private static void Add(List<CostLine> lines, string item, double quantity, double unitPrice)
    {
        if (quantity > 0)
        {
            lines.Add(new CostLine(item, Math.Round(quantity, 2), unitPrice, Math.Round(quantity * unitPrice, 2)));
        }
    }
}
