using Amazon.CDK;
using Constructs;
using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Protection;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Posture;

/// <summary>
/// Builds the synth-time posture report: per tier and per stateful resource the worst-case RPO locally and at each
/// copy destination, retention per rule, copies, vault immutability, drill coverage and an estimated monthly cost.
/// Build it after <c>app.Synth()</c> and write it into the cloud assembly directory.
/// </summary>
/// <example>
/// <code>
/// var assembly = app.Synth();
/// BackupPosture.Build(backup).WriteTo(assembly.Directory);
/// </code>
/// </example>
public static class BackupPosture
{
    /// <summary>Builds the report of a facade: its props, its stack's account and region, and the resources of its app (or stack).</summary>
    public static PostureReport Build(EcommerceBackup backup)
    {
        ArgumentNullException.ThrowIfNull(backup);
        if (!backup.Synthesized)
        {
            // Tags (the enrolment), the guard-rails and lazily rendered properties are applied by aspects during synthesis;
            // a report built before it would show enrolled resources as unprotected.
            throw new InvalidOperationException(
                $"The posture report of '{backup.Node.Path}' needs a synthesized app: call app.Synth() (or Template.FromStack) before Posture(), " +
                "because CDK applies the tier tags and the guard-rails during synthesis.");
        }

        var stack = Stack.Of(backup);
        IConstruct scope = backup.Props.Protection is { WholeApp: false } ? stack : (IConstruct?)Stage.Of(backup) ?? stack;
        // The facade's drills report what they restore; marks on the facade add drills run elsewhere.
        var coverage = new DrillCoverage();
        foreach (var (tier, type) in backup.DrillCoverage.Entries)
        {
            coverage.Cover(tier, type is null ? [] : [type]);
        }

        foreach (var (tier, types) in backup.Drills?.Coverage ?? new Dictionary<TierName, IReadOnlyList<string>>())
        {
            coverage.Cover(tier, [.. types]);
        }

        var report = Build(backup.Topology, scope, coverage);
        return backup.Recovery is { } recovery && backup.Drills is { } drills
            ? report with
            {
                StoreRecovery = new StoreRecoveryPosture
                {
                    StateMachine = Recovery.StoreRecovery.StateMachineName(backup.Props.StoreName),
                    Tier = recovery.Tier,
                    RtoTarget = recovery.RtoTarget,
                    LastMeasured = $"{Recovery.RecoveryContract.LatestReportKey} in the drill report bucket ({(Token.IsUnresolved(drills.ReportBucket.BucketName) ? "see the stack outputs" : drills.ReportBucket.BucketName)}); the evidence index shows it beside the target",
                },
            }
            : report;
    }

    /// <summary>Builds the report from props, for apps that compose the parts without the facade.</summary>
    /// <param name="props">The backup props.</param>
    /// <param name="primary">The stack of the primary account and region (where the plans are).</param>
    /// <param name="resourcesIn">Where to look for stateful resources, e.g. the app.</param>
    /// <param name="drills">What restore drills cover. Default: nothing.</param>
    public static PostureReport Build(EcommerceBackupProps props, Stack primary, IConstruct resourcesIn, DrillCoverage? drills = null)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentNullException.ThrowIfNull(primary);
        return Build(BackupTopology.Of(props, primary), resourcesIn, drills ?? new DrillCoverage());
    }

    private static PostureReport Build(BackupTopology topology, IConstruct resourcesIn, DrillCoverage drills)
    {
        ArgumentNullException.ThrowIfNull(resourcesIn);
        var props = topology.Props;
        var account = Known(topology.PrimaryAccount);
        var region = Known(topology.PrimaryRegion);
        // Copies to the DR account cross regions (and pay transfer) when its vault is not in the primary region.
        var drAccountIsCrossRegion = props.DisasterRecovery?.AccountRegion is not null && Known(topology.Vault(VaultRole.DrAccount).Region) != region;
        var guardRails = props.Protection is not null;

        var lockMode = props.VaultLock.Mode;
        (string? Account, string? Region) Where(CopyDestination d) =>
            (Known(topology.VaultOf(d).Account), Known(topology.VaultOf(d).Region));

        var resources = new List<ResourcePosture>();
        foreach (var resource in StatefulResources.In(resourcesIn))
        {
            resources.Add(Resource(resource, props, drills, drAccountIsCrossRegion, guardRails, Where));
        }

        var tiers = props.Targets.Each().Select(x =>
        {
            var enrolled = resources.Where(r => r.Tier == x.Tier).ToList();
            return new TierPosture
            {
                Tier = x.Tier,
                RpoTarget = x.Targets.Rpo,
                RtoTarget = x.Targets.Rto,
                WorstCaseRpo = x.Targets.AchievedRpo,
                ContinuousRetention = x.Targets.Continuous?.Retention,
                Rules = Rules(x.Targets, Where, lockMode),
                Destinations = Destinations(x.Targets, Where, lockMode),
                DrillCovered = drills.CoversAny(x.Tier),
                Resources = enrolled.Count,
                EstimatedMonthlyCostUsd = Math.Round(enrolled.Sum(r => r.EstimatedMonthlyCostUsd ?? 0), 2),
                NaiveEstimatedMonthlyCostUsd = Math.Round(enrolled.Sum(r => r.NaiveEstimatedMonthlyCostUsd ?? 0), 2),
            };
        }).ToList();

        return new PostureReport
        {
            Store = props.StoreName,
            Account = account,
            Region = region,
            GuardRails = props.Protection?.Mode.ToString().ToLowerInvariant() ?? "off",
            Tiers = tiers,
            Vaults = [.. topology.Vaults.Select(v => new VaultPosture(v.Role, v.Name, Known(v.Account), Known(v.Region), v.LockMode, v.LockMin, v.LockMax))],
            Resources = resources,
            EstimatedMonthlyCostUsd = Math.Round(resources.Sum(r => r.EstimatedMonthlyCostUsd ?? 0), 2),
            NaiveEstimatedMonthlyCostUsd = Math.Round(resources.Sum(r => r.NaiveEstimatedMonthlyCostUsd ?? 0), 2),
            FamilyRules = FamilyRules(props),
        };
    }

    private static ResourcePosture Resource(CfnResource resource, EcommerceBackupProps props, DrillCoverage drills, bool drAccountIsCrossRegion, bool guardRails,
        Func<CopyDestination, (string? Account, string? Region)> where)
    {
        var type = resource.CfnResourceType;
        var enrollment = CoverageCheck.EnrollmentOf(resource);
        var size = DeclaredDataSize.SizeOf(resource);
        var rate = DeclaredDataSize.ChangeRateOf(resource);
        var posture = new ResourcePosture
        {
            Path = resource.Node.Path,
            Type = type,
            Tier = enrollment.Excluded ? null : enrollment.Tier,
            Excluded = enrollment.Excluded,
            ExclusionReason = enrollment.ExclusionReason,
            DeclaredSizeGiB = size,
            DailyChangeRate = rate,
        };
        if (!enrollment.IsEnrolled)
        {
            return posture;
        }

        var tier = enrollment.Tier!.Value;
        var targets = props.Targets[tier];
        var family = ResourceFamilies.Of(type);
        var derived = RuleDerivation.Derive(tier, props.Targets, family, props.Protection);
        var ownPlan = !derived.SameAs(RuleDerivation.TierRules(targets));
        var rpo = derived.Local.WorstCaseRpo;
        var nativeDynamoDbPitr = guardRails && ResourceFamilies.StoresFullCopies(family);
        List<CostLine> Cost(IReadOnlyList<DerivedRule> rules, TimeSpan? tiering) => size is { } s
            ? CostModel.Estimate(new CostModel.Inputs(type, s, rate, rules, nativeDynamoDbPitr, drAccountIsCrossRegion, tiering, AirGappedDestinations(props)))
            : [];
        var cost = Cost(derived.Rules, props.S3BackupTiering);
        var naive = Cost(RuleDerivation.TierRules(targets), null);
        return posture with
        {
            Family = family,
            Plan = new Topology.PhysicalNames(props.StoreName).Plan(tier, ownPlan ? family : null),
            WorstCaseRpo = rpo,
            RpoSource = derived.Local.Source,
            MeetsRpoTarget = rpo <= targets.Rpo,
            Destinations = Destinations(derived.Rules, where, props.VaultLock.Mode, type),
            Retention = derived.LongestLocalRetention,
            DrillCovered = drills.Covers(tier, type),
            EstimatedMonthlyCostUsd = size is null ? null : Math.Round(cost.Sum(c => c.MonthlyUsd), 2),
            Cost = cost,
            NaiveEstimatedMonthlyCostUsd = size is null ? null : Math.Round(naive.Sum(c => c.MonthlyUsd), 2),
        };
    }

    /// <summary>
    /// The copy destinations that are logically air-gapped vaults (priced at <see cref="PriceTable.AirGappedStorage"/>).
    /// None yet: the air-gapped layer, when it replaces the DR-account copy, names its destination here.
    /// </summary>
    private static HashSet<CopyDestination> AirGappedDestinations(EcommerceBackupProps props) =>
        props.AirGappedVault is null ? [] : [CopyDestination.AirGapped];

    /// <summary>The derived rules of every tier and family that has a plan of its own.</summary>
    private static List<DerivedRuleSet> FamilyRules(EcommerceBackupProps props) =>
        props.Targets.Each()
            .SelectMany(x => ResourceFamilies.Derived
                .Select(f => RuleDerivation.Derive(x.Tier, props.Targets, f, props.Protection))
                .Where(d => !d.SameAs(RuleDerivation.TierRules(x.Targets))))
            .ToList();

    private static List<RulePosture> Rules(TierTargets targets, Func<CopyDestination, (string? Account, string? Region)> where, VaultLockMode lockMode)
    {
        var rules = targets.Rules.Select(r => new RulePosture(r.Name, r.Schedule, r.WorstCaseInterval, r.Retention, r.MoveToColdStorageAfter,
            r.Copies.Select(c => new CopyPosture(c.Destination, where(c.Destination).Account, where(c.Destination).Region, c.Retention, c.MoveToColdStorageAfter)
            {
                Immutability = Immutability.Of(c.Destination, lockMode),
            }).ToList())).ToList();
        if (targets.Continuous is { } continuous)
        {
            rules.Add(new RulePosture(Plans.TieredBackupPlan.ContinuousRuleName, continuous.Schedule, TierDefaults.ContinuousRpo, continuous.Retention, null, []));
        }

        return rules;
    }

    private static List<DestinationPosture> Destinations(IReadOnlyList<DerivedRule> rules, Func<CopyDestination, (string? Account, string? Region)> where,
        VaultLockMode lockMode, string? resourceType) =>
        Destinations(rules.SelectMany(r => r.Copies.Select(c => (c.Destination, Interval: CostModel.Interval(r.Schedule), c.Retention))), where, lockMode, resourceType);

    private static List<DestinationPosture> Destinations(TierTargets targets, Func<CopyDestination, (string? Account, string? Region)> where, VaultLockMode lockMode) =>
        Destinations(targets.Rules.SelectMany(r => r.Copies.Select(c => (c.Destination, Interval: r.WorstCaseInterval, c.Retention))), where, lockMode, null);

    // Each destination with its immutability level; for a resource, whether AWS documents its type as accepted there.
    private static List<DestinationPosture> Destinations(IEnumerable<(CopyDestination Destination, TimeSpan Interval, TimeSpan Retention)> copies,
        Func<CopyDestination, (string? Account, string? Region)> where, VaultLockMode lockMode, string? resourceType) =>
        copies
            .GroupBy(x => x.Destination)
            .OrderBy(g => g.Key)
            .Select(g => new DestinationPosture(g.Key, where(g.Key).Account, where(g.Key).Region, g.Min(x => x.Interval), g.Max(x => x.Retention))
            {
                Immutability = Immutability.Of(g.Key, lockMode),
                TypeDocumentedAsAccepted = g.Key != CopyDestination.AirGapped || resourceType is null || AirGappedVaultFacts.Accepts(resourceType),
            })
            .ToList();

    // The report shows what is known at synth time: an unresolved account or region is left out, never guessed.
    private static string? Known(string? value) => value is null || Token.IsUnresolved(value) ? null : value;
}
