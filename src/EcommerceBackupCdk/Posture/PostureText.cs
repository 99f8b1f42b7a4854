using System.Globalization;
using System.Text;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Vaults;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Posture;

/// <summary>Renders a <see cref="PostureReport"/> as Markdown and as a console summary.</summary>
internal static class PostureText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Markdown(PostureReport r)
    {
        var s = new StringBuilder();
        s.Append(Inv, $"# Backup posture of `{r.Store}`\n\n");
        s.Append(Inv, $"Primary: account {r.Account ?? "(unresolved)"}, region {r.Region ?? "(unresolved)"}. Guard-rails: {r.GuardRails}. ");
        s.Append(Inv, $"Estimated backup cost: **{Usd(r.EstimatedMonthlyCostUsd)}/month** (AWS list prices of {r.PriceRegion}, {r.PricesAsOf}). ");
        s.Append(Inv, $"The same targets under one plan per tier (every rule for every type, the naive plan): {Usd(r.NaiveEstimatedMonthlyCostUsd)}/month; rules derived per resource family save {Usd(r.NaiveEstimatedMonthlyCostUsd - r.EstimatedMonthlyCostUsd)}/month.\n\n");

        s.Append("## Tiers\n\n| tier | RPO target | worst-case RPO local | at copy destinations | RTO target | rules (retention) | drill | resources | est. $/month | naive plan $/month |\n");
        s.Append("|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var t in r.Tiers)
        {
            s.Append(Inv, $"| {t.Tier.TagValue()} | {D(t.RpoTarget)} | {D(t.WorstCaseRpo)}{(t.MeetsRpoTarget ? "" : " ⚠ misses target")} | {Destinations(t.Destinations)} | {D(t.RtoTarget)} | ");
            s.Append(string.Join("; ", t.Rules.Select(Rule)));
            s.Append(Inv, $" | {(t.DrillCovered ? "yes" : "no")} | {t.Resources} | {Usd(t.EstimatedMonthlyCostUsd)} | {Usd(t.NaiveEstimatedMonthlyCostUsd)} |\n");
        }

        s.Append("\nContinuous backups are not copied as such: each copy destination receives the snapshots of the rules that copy there, so its worst-case RPO is the gap between those copies.\n");

        if (r.StoreRecovery is { } rec)
        {
            s.Append(Inv, $"\nStore recovery: `{rec.StateMachine}` restores the {rec.Tier.TagValue()} tier to one point in time; full-stack RTO target {D(rec.RtoTarget)}; last measured: {rec.LastMeasured}.\n");
        }

        if (r.FamilyRules.Count > 0)
        {
            s.Append("\n## Rules derived per resource family\n\nA family gets a plan of its own (`<store>-<tier>-<family>`, selected by the tier tag AND the family's ARN patterns) where a rule of its tier adds nothing it does not already have; the tier's plan keeps every other type.\n\n");
            s.Append("| tier | family | local recovery | rule | in the family's plan | why |\n|---|---|---|---|---|---|\n");
            foreach (var f in r.FamilyRules)
            {
                foreach (var rule in f.Rules)
                {
                    s.Append(Inv, $"| {f.Tier.TagValue()} | {f.Family} | {f.Local.Source} | {rule.Name} | kept {D(rule.Retention)}{string.Concat(rule.Copies.Select(c => $", copy to {Name(c.Destination)} kept {D(c.Retention)}"))} | {rule.Reason} |\n");
                }

                foreach (var rule in f.Dropped)
                {
                    s.Append(Inv, $"| {f.Tier.TagValue()} | {f.Family} | {f.Local.Source} | {rule.Name} | dropped | {rule.Reason} |\n");
                }
            }
        }

        s.Append("\n## Vaults and immutability\n\n| vault | account | region | lock | immutability | min retention | max retention |\n|---|---|---|---|---|---|---|\n");
        foreach (var v in r.Vaults)
        {
            s.Append(Inv, $"| {v.Name} | {v.Account ?? "(unresolved)"} | {v.Region ?? "(unresolved)"} | {v.LockMode.ToString().ToLowerInvariant()} | {Immutability.Text(v.Immutability)} | {D(v.MinRetention)} | {D(v.MaxRetention)} |\n");
        }

        s.Append("\n## Resources\n\n| resource | type | tier | plan | size | worst-case RPO local | from | at copy destinations | longest retention | drill | est. $/month | naive plan $/month |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var x in r.Resources)
        {
            var tier = x.Excluded ? $"excluded: {x.ExclusionReason}" : x.Tier?.TagValue() ?? "**not enrolled**";
            s.Append(Inv, $"| `{x.Path}` | {x.Type} | {tier} | {x.Plan ?? "—"} | {(x.DeclaredSizeGiB is { } g ? $"{g:0.##} GiB" : "—")} | ");
            s.Append(Inv, $"{(x.WorstCaseRpo is { } rpo ? D(rpo) + (x.MeetsRpoTarget == false ? " ⚠ misses target" : "") : "—")} | {x.RpoSource ?? "—"} | {Destinations(x.Destinations)} | ");
            s.Append(Inv, $"{(x.Retention is { } ret ? D(ret) : "—")} | {(x.DrillCovered ? "yes" : "no")} | {(x.EstimatedMonthlyCostUsd is { } c ? Usd(c) : "—")} | {(x.NaiveEstimatedMonthlyCostUsd is { } n ? Usd(n) : "—")} |\n");
        }

        var costed = r.Resources.Where(x => x.Cost.Count > 0).ToList();
        if (costed.Count > 0)
        {
            s.Append("\n## Cost estimate\n\n| resource | item | quantity (GB or GB-month) | unit price | $/month |\n|---|---|---|---|---|\n");
            foreach (var x in costed)
            {
                foreach (var line in x.Cost)
                {
                    s.Append(Inv, $"| `{x.Path}` | {line.Item} | {line.Quantity:0.##} | ${line.UnitPriceUsd:0.####} | {Usd(line.MonthlyUsd)} |\n");
                }
            }

            s.Append(Inv, $"\nModel: full-copy types (DynamoDB) store the whole table per recovery point; incremental types store one full copy plus the daily changes (declared rate, default {DeclaredDataSize.DefaultDailyChangeRate:P0}) over the longest retention per vault. ");
            s.Append("S3 backups older than the tiering age are priced at the low-cost warm tier (best case, transition fees not included). ");
            s.Append("Cross-region copies add transfer. The resources' own storage, restores, requests and S3 noncurrent versions are not included.\n");
        }

        return s.ToString();
    }

    public static string Summary(PostureReport r)
    {
        var s = new StringBuilder();
        var enrolled = r.Resources.Count(x => x.Tier is not null);
        s.Append(Inv, $"Backup posture of '{r.Store}': {enrolled} enrolled, {r.Resources.Count(x => x.Excluded)} excluded; guard-rails {r.GuardRails}; est. {Usd(r.EstimatedMonthlyCostUsd)}/month, naive plan {Usd(r.NaiveEstimatedMonthlyCostUsd)}/month ({r.PriceRegion} prices {r.PricesAsOf})\n");
        s.Append(Inv, $"  {"tier",-9}{"RPO target",-11}{"local",-7}{"at copies",-29}{"drill",-6}{"res.",-5}{"$/month",9}\n");
        foreach (var t in r.Tiers)
        {
            s.Append(Inv, $"  {t.Tier.TagValue(),-9}{D(t.RpoTarget),-11}{D(t.WorstCaseRpo) + (t.MeetsRpoTarget ? "" : "!"),-7}{Short(t.Destinations),-29}{(t.DrillCovered ? "yes" : "no"),-6}{t.Resources,-5}{Usd(t.EstimatedMonthlyCostUsd),9}\n");
        }

        foreach (var x in r.Resources)
        {
            var tier = x.Excluded ? "excluded" : x.Tier?.TagValue() ?? "UNTAGGED";
            var rpo = x.WorstCaseRpo is { } w ? $"RPO {D(w)}{(x.MeetsRpoTarget == false ? "!" : "")} ({x.RpoSource})" : "";
            var tail = x.Excluded
                ? $"- {x.ExclusionReason}"
                : $"{rpo} {(x.EstimatedMonthlyCostUsd is { } c ? Usd(c) + "/month" : "")}".TrimEnd();
            s.Append(Inv, $"  - {tier,-9}{x.Path} ({x.Type}) {tail}\n");
        }

        return s.ToString();
    }

    private static string Rule(RulePosture r) =>
        $"{r.Name} every {D(r.WorstCaseInterval)} kept {D(r.Retention)}" +
        (r.MoveToColdStorageAfter is { } c ? $" (cold after {D(c)})" : "") +
        string.Concat(r.Copies.Select(c => $", copy to {Name(c.Destination)} kept {D(c.Retention)} ({Immutability.Text(c.Immutability)})"));

    private static string Destinations(IReadOnlyList<DestinationPosture> d) =>
        d.Count == 0 ? "none" : string.Join(", ", d.Select(x => $"{Name(x.Destination)} {x.Region ?? "?"}/{x.Account ?? "?"} {D(x.WorstCaseRpo)} ({Immutability.Text(x.Immutability)}{(x.TypeDocumentedAsAccepted ? "" : ", type not documented as accepted")})"));

    private static string Short(IReadOnlyList<DestinationPosture> d) =>
        d.Count == 0 ? "none" : string.Join(", ", d.Select(x => $"{x.Destination switch { CopyDestination.DrRegion => "DR-region", CopyDestination.DrAccount => "DR-account", _ => "air-gapped" }} {D(x.WorstCaseRpo)}"));

    private static string Name(CopyDestination d) => d switch
    {
        CopyDestination.DrRegion => "DR region",
        CopyDestination.DrAccount => "DR account",
        _ => "air-gapped vault",
    };

    private static string D(TimeSpan t) => DurationText.Format(t);

    private static string Usd(double v) => string.Create(Inv, $"${v:0.00}");
}
