using Amazon.CDK;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Topology;

/// <summary>
/// The deployment computed once from <see cref="EcommerceBackupProps"/> and the primary account and region: every copy
/// action, and per vault role where the vault lives (account, region, ARN), what is written into it and its lock
/// limits. The facade, the recovery vault stacks, the app, the posture report and the runbooks read these facts here
/// instead of deriving them again.
/// </summary>
/// <remarks>
/// Where each vault lives: the primary vault in the primary account and region; the DR-region vault in the primary
/// account and <see cref="DisasterRecoveryOptions.Region"/>; the DR-account vault and the logically air-gapped vault in
/// <see cref="DisasterRecoveryOptions.Account"/> and <see cref="DisasterRecoveryOptions.AccountRegion"/> (default: the
/// primary region).
/// </remarks>
public sealed class BackupTopology
{
    private readonly Dictionary<VaultRole, VaultPlacement> _vaults;

    private BackupTopology(EcommerceBackupProps props, string? primaryAccount, string? primaryRegion, string? partition)
    {
        Props = props;
        PrimaryAccount = primaryAccount;
        PrimaryRegion = primaryRegion;
        Copies = CopiesOf(props.Targets);
        _vaults = Enum.GetValues<VaultRole>().ToDictionary(r => r, r => Place(r, partition));
    }

    /// <summary>The topology of props whose primary stack lives in <paramref name="account"/> and <paramref name="region"/> (tokens allowed).</summary>
    /// <param name="props">Validated props.</param>
    /// <param name="account">The primary account, or null when unknown.</param>
    /// <param name="region">The primary region, or null when unknown.</param>
    /// <param name="partition">The partition vault ARNs are built in, or null when unknown (then every vault ARN is null).</param>
    public static BackupTopology Of(EcommerceBackupProps props, string? account, string? region, string? partition)
    {
        ArgumentNullException.ThrowIfNull(props);
        return new BackupTopology(props, account, region, partition);
    }

    /// <summary>The topology of props whose primary stack is <paramref name="primary"/> (its account, region and partition; tokens when the stack has no env).</summary>
    public static BackupTopology Of(EcommerceBackupProps props, Stack primary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        return Of(props, primary.Account, primary.Region, primary.Partition);
    }

    /// <summary>The props the topology is derived from.</summary>
    public EcommerceBackupProps Props { get; }

    /// <summary>The primary account (may be an unresolved token), or null when unknown.</summary>
    public string? PrimaryAccount { get; }

    /// <summary>The primary region (may be an unresolved token), or null when unknown.</summary>
    public string? PrimaryRegion { get; }

    /// <summary>Every copy action of the targets: tier, rule name and destination.</summary>
    public IReadOnlyList<(TierName Tier, string Rule, CopyDestination Destination)> Copies { get; }

    /// <summary>Whether any rule copies to <paramref name="destination"/>.</summary>
    public bool CopiesTo(CopyDestination destination) => Copies.Any(c => c.Destination == destination);

    /// <summary>The vault of a role, whether or not anything is written into it (<see cref="VaultPlacement.Receives"/>).</summary>
    public VaultPlacement Vault(VaultRole role) => _vaults[role];

    /// <summary>The vaults something is written into, in <see cref="VaultRole"/> order (primary first).</summary>
    public IReadOnlyList<VaultPlacement> Vaults => [.. Enum.GetValues<VaultRole>().Select(r => _vaults[r]).Where(v => v.Receives)];

    /// <summary>The vault a copy destination writes into.</summary>
    public VaultPlacement VaultOf(CopyDestination destination) => Vault(RoleOf(destination));

    /// <summary>The vault role a copy destination writes into (one home: <see cref="Immutability.RoleOf"/>).</summary>
    public static VaultRole RoleOf(CopyDestination destination) => Immutability.RoleOf(destination);

    /// <summary>
    /// The settings of a Vault-Lock vault of this deployment (primary, DR region, DR account): the retentions written into
    /// it, the lock, the notifications and the break-glass principals of the props.
    /// </summary>
    public BackupVaultSettings VaultSettings(VaultRole role, Amazon.CDK.AWS.SNS.ITopic? topic) => new()
    {
        StoreName = Props.StoreName,
        Lock = Props.VaultLock,
        WrittenRetentions = Vault(role).Written.Select(w => w.Retention).ToList(),
        NotificationTopic = topic,
        NotificationEvents = Props.Notifications.VaultEvents,
        ExemptPrincipals = Props.Audit?.BreakGlassPrincipals ?? [],
    };

    /// <summary>Every copy action of the targets: tier, rule name and destination. Null-tolerant, for props not yet validated.</summary>
    public static IReadOnlyList<(TierName Tier, string Rule, CopyDestination Destination)> CopiesOf(BackupTargets? targets) =>
        (targets?.Each() ?? [])
            .Where(x => x.Targets?.Rules is not null)
            .SelectMany(x => x.Targets.Rules.Where(r => r?.Copies is not null).SelectMany(r => r.Copies.Select(c => (x.Tier, r.Name, c.Destination))))
            .ToList();

    /// <summary>The retentions each vault will receive, keyed by where they come from.</summary>
    public static IReadOnlyList<(string Key, TimeSpan Retention)> RetentionsWrittenInto(BackupTargets targets, VaultRole vault)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var written = new List<(string, TimeSpan)>();
        foreach (var (tier, t) in targets.Each())
        {
            var prefix = $"targets.{tier.TagValue()}";
            foreach (var rule in t.Rules)
            {
                if (vault == VaultRole.Primary)
                {
                    written.Add(($"{prefix}.rules.{rule.Name}.retention", rule.Retention));
                }

                for (var i = 0; i < rule.Copies.Count; i++)
                {
                    var copy = rule.Copies[i];
                    if (vault != VaultRole.Primary && RoleOf(copy.Destination) == vault)
                    {
                        written.Add(($"{prefix}.rules.{rule.Name}.copies[{i}].retention", copy.Retention));
                    }
                }
            }

            if (vault == VaultRole.Primary && t.Continuous is not null)
            {
                written.Add(($"{prefix}.continuous.retention", t.Continuous.Retention));
            }
        }

        return written;
    }

    private VaultPlacement Place(VaultRole role, string? partition)
    {
        var dr = Props.DisasterRecovery;
        var (account, region) = role switch
        {
            VaultRole.Primary => (PrimaryAccount, PrimaryRegion),
            VaultRole.DrRegion => (PrimaryAccount, dr?.Region),
            _ => (dr?.Account, dr?.AccountRegion ?? PrimaryRegion),
        };
        var name = VaultNames.For(Props.StoreName, role);
        var written = RetentionsWrittenInto(Props.Targets, role);
        var airGapped = role == VaultRole.AirGapped;
        // The air-gapped vault's limits are the range of what is written into it (AirGappedVault), its lock AWS's compliance mode.
        var (min, max) = airGapped && written.Count > 0
            ? (written.Min(w => w.Retention), written.Max(w => w.Retention))
            : VaultLockLimits.Of(Props.VaultLock, written);
        return new VaultPlacement
        {
            Role = role,
            Name = name,
            Account = account,
            Region = region,
            Arn = partition is not null && account is not null && region is not null ? VaultNames.Arn(partition, region, account, name) : null,
            LockMode = airGapped ? VaultLockMode.Compliance : Props.VaultLock.Mode,
            LockMin = min,
            LockMax = max,
            Written = written,
        };
    }
}
