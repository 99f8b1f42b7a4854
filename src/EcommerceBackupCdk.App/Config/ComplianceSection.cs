using EcommerceBackupCdk.Compliance;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// The <c>audit</c> and <c>controlTower</c> keys. The rules of the values are the library's
/// (<see cref="AuditValidator"/>, <see cref="Validation.PropsValidator.ValidateControlTower"/>).
/// </summary>
internal static class ComplianceSection
{
    public static AuditOptions? ReadAudit(ConfigSection root)
    {
        if (root.Section("audit") is not { } a)
        {
            return null;
        }

        var defaults = new AuditOptions();
        return new AuditOptions
        {
            EvidenceRetention = a.Duration("evidenceRetention") ?? defaults.EvidenceRetention,
            AccessLogRetention = a.Duration("accessLogRetention") ?? defaults.AccessLogRetention,
            BreakGlassPrincipals = a.Strings("breakGlassPrincipals") ?? [],
            CreateConfigRecorder = a.Bool("createConfigRecorder") ?? false,
            CreateReportsServiceLinkedRole = a.Bool("createReportsServiceLinkedRole") ?? defaults.CreateReportsServiceLinkedRole,
        };
    }

    public static ControlTowerOptions ReadControlTower(ConfigSection root) =>
        root.Section("controlTower") is { } ct ? new ControlTowerOptions { Strict = ct.Bool("strict") ?? false } : new ControlTowerOptions();
}
