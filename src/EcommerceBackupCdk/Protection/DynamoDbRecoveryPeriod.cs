using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// Sets the DynamoDB point-in-time recovery period (<c>RecoveryPeriodInDays</c>). CDK 2.160 has no property for it,
/// so this is the one place that writes it, as a property override, and remembers it: CDK offers no API to read an
/// override back, and verify mode needs to know the period. Set it through this class, not a raw override.
/// </summary>
/// <remarks>
/// The period is remembered on the table's own L1 node, as node context (<c>Node.SetContext</c>, key
/// <see cref="ContextKey"/>): it lives and dies with the resource, renders into neither template nor manifest, and an
/// L1 resource has no children, which is when CDK allows setting context.
/// </remarks>
public static class DynamoDbRecoveryPeriod
{
    /// <summary>The node-context key on the table's L1 resource that holds the period set through <see cref="Set"/>, in days.</summary>
    public const string ContextKey = "ecommerce-backup:dynamodb-recovery-period-days";

    /// <summary>Sets the recovery period of a table (<c>Table</c>, <c>TableV2</c> or their L1) and turns PITR on.</summary>
    /// <param name="table">The table or its L1 resource.</param>
    /// <param name="period">Whole days, 1 to 35.</param>
    public static void Set(IConstruct table, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(table);
        var days = (int)period.TotalDays;
        if (days is < 1 or > 35 || period.Ticks % TimeSpan.TicksPerDay != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The DynamoDB recovery period is 1 to 35 whole days.");
        }

        var resource = table as CfnResource ?? table.Node.DefaultChild as CfnResource;
        switch (resource)
        {
            case CfnTable cfn:
                cfn.PointInTimeRecoverySpecification = new CfnTable.PointInTimeRecoverySpecificationProperty { PointInTimeRecoveryEnabled = true };
                cfn.AddPropertyOverride("PointInTimeRecoverySpecification.RecoveryPeriodInDays", days);
                break;
            case CfnGlobalTable global:
                // Replicas are rendered lazily by TableV2; each gets its own override by index.
                for (var i = 0; i < Resolved.Items(Resolved.Of(global, global.Replicas)).Count; i++)
                {
                    var prefix = string.Create(CultureInfo.InvariantCulture, $"Replicas.{i}.PointInTimeRecoverySpecification");
                    global.AddPropertyOverride($"{prefix}.PointInTimeRecoveryEnabled", true);
                    global.AddPropertyOverride($"{prefix}.RecoveryPeriodInDays", days);
                }

                break;
            default:
                throw new ArgumentException($"'{table.Node.Path}' is not a DynamoDB table.", nameof(table));
        }

        resource.Node.SetContext(ContextKey, days);
    }

    /// <summary>The period set through <see cref="Set"/>, or null when none was (DynamoDB then keeps 35 days).</summary>
    public static TimeSpan? Of(CfnResource table) =>
        table is not null && OwnContext(table, ContextKey) is { } days ? TimeSpan.FromDays(Convert.ToDouble(days, CultureInfo.InvariantCulture)) : null;

    // The key is the library's own: nothing above the resource sets it, so the value read is the resource's.
    internal static object? OwnContext(CfnResource resource, string key) => resource.Node.TryGetContext(key);
}
