namespace EcommerceBackupCdk.Drills;

/// <summary>The one place drill alarm names are built: <c>&lt;store&gt;-drill-&lt;what&gt;</c>.</summary>
internal static class DrillAlarmNames
{
    public static string Failed(string store, DrillResourceType type) => $"{store}-drill-{Slug(type)}-failed";

    public static string RtoBreached(string store, DrillResourceType type) => $"{store}-drill-{Slug(type)}-rto-breached";

    public static string RecoveryPointTooOld(string store, DrillResourceType type) => $"{store}-drill-{Slug(type)}-recovery-point-too-old";

    public static string NoDrillReport(string store) => $"{store}-drill-no-report";

    public static string DeadLetters(string store) => $"{store}-drill-validator-dead-letters";

    private static string Slug(DrillResourceType type) => type.ProtectedResourceType().ToLowerInvariant();
}
