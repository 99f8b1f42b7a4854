using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// DynamoDB tables (<c>CfnTable</c>/<c>Table</c>) and global tables (<c>CfnGlobalTable</c>/<c>TableV2</c>, per
/// replica): point-in-time recovery on, recovery period matching the tier's PITR window, deletion protection on.
/// </summary>
internal sealed class DynamoDbGuard : IResourceGuard
{
    private const string Pitr = "PointInTimeRecoverySpecification";

    // Global-table replicas are rendered lazily by TableV2, so deletion protection goes in as an override, which CDK
    // cannot read back: the table's own node remembers it (node context, like DynamoDbRecoveryPeriod).
    private const string ReplicaDeletionProtectionKey = "ecommerce-backup:dynamodb-replica-deletion-protection";

    public bool AppliesTo(CfnResource resource) => resource is CfnTable or CfnGlobalTable;

    public void Enforce(CfnResource resource, TierProtection tier)
    {
        var problems = new ValidationProblems();
        Verify(resource, tier, problems);
        if (problems.All.Any(p => p.Contains(Pitr, StringComparison.Ordinal)))
        {
            DynamoDbRecoveryPeriod.Set(resource, tier.PointInTimeRecovery);
        }

        switch (resource)
        {
            case CfnTable table when Resolved.Bool(Resolved.Of(table, table.DeletionProtectionEnabled)) != true
                                     && !Resolved.IsUnknown(Resolved.Of(table, table.DeletionProtectionEnabled)):
                table.DeletionProtectionEnabled = true;
                break;
            case CfnGlobalTable global:
                var replicas = Resolved.Of(global, global.Replicas);
                for (var i = 0; i < Resolved.Items(replicas).Count; i++)
                {
                    var deletion = Resolved.Get(Resolved.Items(replicas)[i], "deletionProtectionEnabled");
                    if (Resolved.Bool(deletion) != true && !Resolved.IsUnknown(deletion))
                    {
                        // Replicas are rendered lazily by TableV2, so the override goes by index.
                        global.AddPropertyOverride(string.Create(CultureInfo.InvariantCulture, $"Replicas.{i}.DeletionProtectionEnabled"), true);
                        global.Node.SetContext(ReplicaDeletionProtectionKey, true);
                    }
                }

                break;
        }
    }

    public void Verify(CfnResource resource, TierProtection tier, ValidationProblems problems)
    {
        var period = DynamoDbRecoveryPeriod.Of(resource);
        if (resource is CfnTable table)
        {
            var enabled = Resolved.Get(Resolved.Of(table, table.PointInTimeRecoverySpecification), "pointInTimeRecoveryEnabled");
            CheckReplica(Pitr, enabled, period, Resolved.Of(table, table.DeletionProtectionEnabled), "DeletionProtectionEnabled", tier, problems);
            return;
        }

        var global = (CfnGlobalTable)resource;
        var replicas = Resolved.Of(global, global.Replicas);
        if (Resolved.IsUnknown(replicas))
        {
            return;
        }

        var list = Resolved.Items(replicas);
        for (var i = 0; i < list.Count; i++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Replicas[{i}]");
            var enabled = period is not null ? true : Resolved.Get(Resolved.Get(list[i], "pointInTimeRecoverySpecification"), "pointInTimeRecoveryEnabled");
            var deletion = DynamoDbRecoveryPeriod.OwnContext(global, ReplicaDeletionProtectionKey) is not null ? true : Resolved.Get(list[i], "deletionProtectionEnabled");
            CheckReplica($"{prefix}.{Pitr}", enabled, period, deletion, $"{prefix}.DeletionProtectionEnabled", tier, problems);
        }
    }

    private static void CheckReplica(string pitrKey, object? enabled, TimeSpan? period, object? deletion, string deletionKey,
        TierProtection tier, ValidationProblems problems)
    {
        if (!Resolved.IsUnknown(enabled) && Resolved.Bool(enabled) != true)
        {
            problems.Add($"{pitrKey}.PointInTimeRecoveryEnabled", "point-in-time recovery is off", Guards.Show(Resolved.Bool(enabled)), $"true ({Guards.Of(tier)})");
        }
        else if (!Resolved.IsUnknown(enabled))
        {
            var actual = period ?? ProtectionDefaults.DynamoDbDefaultRecoveryPeriod;
            if (actual != tier.PointInTimeRecovery)
            {
                var got = period is null ? $"{(int)actual.TotalDays} (AWS default: not set through DynamoDbRecoveryPeriod.Set)" : ((int)actual.TotalDays).ToString(CultureInfo.InvariantCulture);
                problems.Add($"{pitrKey}.RecoveryPeriodInDays", "the recovery period does not match the tier's PITR window", got,
                    string.Create(CultureInfo.InvariantCulture, $"{tier.PointInTimeRecoveryDays} ({Guards.Of(tier)})"));
            }
        }

        if (!Resolved.IsUnknown(deletion) && Resolved.Bool(deletion) != true)
        {
            problems.Add(deletionKey, "deletion protection is off", Guards.Show(Resolved.Bool(deletion)), "true");
        }
    }
}
