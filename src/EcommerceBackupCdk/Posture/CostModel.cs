using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Posture;

/// <summary>
/// The estimate behind the posture report, simple enough to redo by hand. For a resource of S GiB changing c per day:
/// <list type="bullet">
/// <item>Full-copy types (DynamoDB): every recovery point stores S. A rule keeps retention ÷ interval points.</item>
/// <item>Incremental types (RDS, Aurora, S3, EFS, EBS): a vault stores one full copy plus the changes of its longest
/// retention: S × (1 + c × days).</item>
/// <item>Days after a rule's cold-storage transition are priced cold where the type has cold storage, else warm.</item>
/// <item>DynamoDB point-in-time recovery (on in every tier under the guard-rails): S at the PITR price. AWS Backup
/// continuous backup of RDS, Aurora and S3: S × c × continuous retention days, at the warm price.</item>
/// <item>Copies to another region: S per copy for full-copy types, S × c × 30 a month for incremental ones, at the
/// transfer price. Copies within a region (to another account) transfer nothing billable.</item>
/// </list>
/// The resource's own storage, restores, requests and S3 noncurrent versions are not included.
/// </summary>
internal static class CostModel
{
    private const double DaysPerMonth = 30;

    public static bool IsFullCopy(string type) => type is StatefulResources.DynamoDbTable or StatefulResources.DynamoDbGlobalTable;

    public static bool HasAwsBackupContinuous(string type) => type is StatefulResources.S3Bucket or StatefulResources.RdsInstance or StatefulResources.RdsCluster;

    public static List<CostLine> Estimate(string type, double size, double changeRate, TierTargets tier, bool drAccountIsCrossRegion, bool guardRails)
    {
        var price = PriceTable.Storage[type];
        var lines = new List<CostLine>();
        Vault(lines, "primary vault", type, size, changeRate, price,
            tier.Rules.Select(r => (Interval(r.Schedule), r.Retention, r.MoveToColdStorageAfter)).ToList());

        // The air-gapped vault is priced like the DR-account vault here: it has its own per-type rates
        // (https://aws.amazon.com/backup/pricing/), which PriceTable does not hold yet.
        foreach (var destination in new[] { CopyDestination.DrRegion, CopyDestination.DrAccount, CopyDestination.AirGapped })
        {
            var copies = tier.Rules
                .SelectMany(r => r.Copies.Where(c => c.Destination == destination).Select(c => (Interval(r.Schedule), c.Retention, c.MoveToColdStorageAfter)))
                .ToList();
            if (copies.Count == 0)
            {
                continue;
            }

            var label = destination switch
            {
                CopyDestination.DrRegion => "DR-region vault",
                CopyDestination.DrAccount => "DR-account vault",
                _ => "air-gapped vault",
            };
            Vault(lines, label, type, size, changeRate, price, copies);
            if (destination == CopyDestination.DrRegion || drAccountIsCrossRegion)
            {
                var gb = IsFullCopy(type) ? copies.Sum(c => size * DaysPerMonth / c.Item1.TotalDays) : size * changeRate * DaysPerMonth;
                Add(lines, $"{label} cross-region transfer", gb, PriceTable.CrossRegionTransferPerGb);
            }
        }

        if (IsFullCopy(type) && guardRails)
        {
            Add(lines, "point-in-time recovery", size, PriceTable.DynamoDbPitrPerGbMonth);
        }
        else if (tier.Continuous is { } continuous && HasAwsBackupContinuous(type))
        {
            Add(lines, "continuous backup", size * changeRate * continuous.Retention.TotalDays, price.WarmPerGbMonth);
        }

        return lines;
    }

    public static TimeSpan Interval(string schedule) =>
        CronSchedule.TryParse(schedule, out var cron) ? cron.WorstCaseInterval : TimeSpan.FromDays(1);

    private static void Vault(List<CostLine> lines, string label, string type, double size, double changeRate, BackupStoragePrice price,
        IReadOnlyList<(TimeSpan Interval, TimeSpan Retention, TimeSpan? Cold)> entries)
    {
        double warm = 0, cold = 0, maxWarmDays = 0, maxColdDays = 0;
        foreach (var (interval, retention, coldAfter) in entries)
        {
            var warmDays = price.ColdPerGbMonth is null || coldAfter is null ? retention.TotalDays : Math.Min(coldAfter.Value.TotalDays, retention.TotalDays);
            var coldDays = retention.TotalDays - warmDays;
            warm += size * warmDays / interval.TotalDays;
            cold += size * coldDays / interval.TotalDays;
            maxWarmDays = Math.Max(maxWarmDays, warmDays);
            maxColdDays = Math.Max(maxColdDays, coldDays);
        }

        if (!IsFullCopy(type))
        {
            warm = size * (1 + changeRate * maxWarmDays);
            cold = size * changeRate * maxColdDays;
        }

        Add(lines, $"{label} warm storage", warm, price.WarmPerGbMonth);
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
