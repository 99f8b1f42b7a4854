namespace EcommerceBackupCdk.Contract;

/// <summary>The store recovery function's Embedded Metric Format metrics; the full-stack RTO alarm reads these.</summary>
internal static class RecoveryMetricNames
{
    /// <summary>EMF namespace.</summary>
    public const string Namespace = "EcommerceBackup/StoreRecovery";

    /// <summary>Dimension: the store name.</summary>
    public const string StoreDimension = "Store";

    /// <summary>Dimension: the recovered tier.</summary>
    public const string TierDimension = "Tier";

    /// <summary>Dimension: one restored resource.</summary>
    public const string ResourceDimension = "Resource";

    /// <summary>Seconds from the start of the execution to the last resource validated (dimensions Store, Tier).</summary>
    public const string FullStackRtoSeconds = "FullStackRtoSeconds";

    /// <summary>Seconds from the start of the execution to one resource validated (dimensions Store, Resource).</summary>
    public const string ResourceRtoSeconds = "ResourceRtoSeconds";

    /// <summary>1 when the whole store was recovered and validated, 0 otherwise (dimensions Store, Tier).</summary>
    public const string Success = "Success";
}
