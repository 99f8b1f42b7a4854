using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;
using EcommerceBackupCdk.Tiers;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// The data-layer guard-rails and the coverage check, as an aspect for any CDK app. For every stateful resource
/// (<see cref="StatefulResources"/>) it reads the tier tag; an enrolled resource gets the guard-rails of its tier:
/// <list type="bullet">
/// <item>DynamoDB tables and global tables: PITR on with the tier's recovery period, deletion protection.</item>
/// <item>S3 buckets: versioning, noncurrent versions to Glacier Instant Retrieval and expired after the tier's
/// retention, all public access blocked, default encryption, TLS-only bucket policy.</item>
/// <item>RDS instances and Aurora clusters: backup retention at least the tier's PITR window, deletion protection,
/// tags copied to snapshots, customer-managed storage key when the tier copies to another account, and that key shared
/// with the DR account (<see cref="DataProtectionAspectProps.DrAccount"/>).</item>
/// <item>EFS file systems and EBS volumes: kept on deletion; EBS customer-managed key for cross-account copies.</item>
/// </list>
/// In <see cref="ProtectionMode.Enforce"/> it sets what is missing (except encryption, which would replace the
/// resource); in <see cref="ProtectionMode.Verify"/> it changes nothing. Either way synth fails on what is still
/// missing, and on every stateful resource without a known tier tag or an exclusion with a reason, naming each by
/// construct path. Excluded resources are left alone. DB instances of an Aurora cluster are kept out of the tier
/// selections (<see cref="AuroraMemberInstances"/>): tagged excluded in enforce mode, a finding in verify mode.
/// </summary>
/// <example>
/// <code>
/// Aspects.Of(app).Add(new DataProtectionAspect(new DataProtectionAspectProps { Targets = BackupTargets.Defaults }));
/// </code>
/// </example>
public sealed class DataProtectionAspect : DeputyBase, IAspect
{
    private readonly Dictionary<TierName, TierProtection> _tiers;
    private readonly List<CfnResource> _resources = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Validates the props (all problems at once) and creates the aspect.</summary>
    public DataProtectionAspect(DataProtectionAspectProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        ProtectionValidator.ThrowIfInvalid(props);
        Props = props;
        _tiers = TierNames.All.ToDictionary(t => t, t => TierProtection.For(t, props.Targets, props.Options) is var tier && tier.CopiesToAnotherAccount
            ? tier with { CopyAccount = props.DrAccount }
            : TierProtection.For(t, props.Targets, props.Options));
    }

    /// <summary>The validated props.</summary>
    public DataProtectionAspectProps Props { get; }

    /// <summary>The stateful resources the aspect has visited, in visiting order.</summary>
    public IReadOnlyList<CfnResource> Resources => _resources;

    /// <summary>What the guard-rails require of a resource in a tier.</summary>
    public TierProtection RequirementsOf(TierName tier) => _tiers[tier];

    /// <inheritdoc />
    public void Visit(IConstruct node)
    {
        if (node is Amazon.CDK.AWS.RDS.CfnDBInstance member && AuroraMemberInstances.IsMember(member) && _seen.Add(member.Node.Path))
        {
            if (Props.Options.Mode == ProtectionMode.Enforce)
            {
                AuroraMemberInstances.Exclude(member);
            }

            member.Node.AddValidation(new AuroraMemberInstances.Check(member));
            return;
        }

        if (!StatefulResources.IsStateful(node))
        {
            return;
        }

        var resource = (CfnResource)node;
        if (!_seen.Add(resource.Node.Path))
        {
            return;
        }

        _resources.Add(resource);
        var guard = Guards.For(resource);
        var enrollment = CoverageCheck.EnrollmentOf(resource);
        if (Props.Options.Mode == ProtectionMode.Enforce && guard is not null && enrollment is { IsEnrolled: true, Unresolved: false })
        {
            guard.Enforce(resource, _tiers[enrollment.Tier!.Value]);
        }

        resource.Node.AddValidation(new ProtectionValidation(resource, guard, _tiers));
    }
}
