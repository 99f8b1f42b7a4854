using System.Globalization;
using Amazon.CDK;
using Constructs;

namespace EcommerceBackupCdk.Posture;

/// <summary>
/// Declares how much data a stateful resource holds, for the posture report's cost estimate. Stored as template
/// metadata on the resource, so reviewers see the number the estimate used.
/// </summary>
public static class DeclaredDataSize
{
    /// <summary>Metadata key of the size in GiB.</summary>
    public const string SizeKey = "ecommerce-backup:data-size-gib";

    /// <summary>Metadata key of the daily change rate.</summary>
    public const string ChangeRateKey = "ecommerce-backup:daily-change-rate";

    /// <summary>
    /// Share of the data that changes per day when none is declared: 2%. Incremental backups store the changes.
    /// </summary>
    public const double DefaultDailyChangeRate = 0.02;

    /// <summary>Declares the data size of a resource (or of the L1 resource of an L2 construct).</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="gibibytes">Data size, more than 0.</param>
    /// <param name="dailyChangeRate">Share of the data changed per day, 0 to 1. Default: <see cref="DefaultDailyChangeRate"/>.</param>
    public static void Set(IConstruct resource, double gibibytes, double? dailyChangeRate = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var cfn = resource as CfnResource ?? resource.Node.DefaultChild as CfnResource
            ?? throw new ArgumentException($"'{resource.Node.Path}' has no CloudFormation resource.", nameof(resource));
        if (!(gibibytes > 0) || double.IsInfinity(gibibytes))
        {
            throw new ArgumentOutOfRangeException(nameof(gibibytes), gibibytes, "The data size must be more than 0 GiB.");
        }

        if (dailyChangeRate is { } rate && !(rate is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dailyChangeRate), dailyChangeRate, "The daily change rate is a share from 0 to 1.");
        }

        cfn.AddMetadata(SizeKey, gibibytes);
        if (dailyChangeRate is { } r)
        {
            cfn.AddMetadata(ChangeRateKey, r);
        }
    }

    /// <summary>The declared size in GiB, or null.</summary>
    public static double? SizeOf(CfnResource resource) => Number(resource?.GetMetadata(SizeKey));

    /// <summary>The declared daily change rate, or <see cref="DefaultDailyChangeRate"/>.</summary>
    public static double ChangeRateOf(CfnResource resource) => Number(resource?.GetMetadata(ChangeRateKey)) ?? DefaultDailyChangeRate;

    private static double? Number(object? value) => value switch
    {
        null => null,
        double d => d,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };
}
