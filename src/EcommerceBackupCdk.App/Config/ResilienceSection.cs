using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Plans;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// The optional resilience layers (DESIGN §12): <c>airGappedVault</c>, <c>malwareScanning</c>, <c>itemSearch</c> and
/// <c>tamperAlerts</c>, each on when its key is written, unless <c>enabled</c> is false. The rules of the values are the
/// library's (<c>AirGappedVaultValidator</c>, <c>ResilienceValidator</c>).
/// </summary>
internal static class ResilienceSection
{
    public static AirGappedVaultOptions? ReadAirGappedVault(ConfigSection root)
    {
        if (root.Section("airGappedVault") is not { } a)
        {
            return null;
        }

        var enabled = a.Bool("enabled") != false;
        var options = new AirGappedVaultOptions
        {
            MpaApprovalTeamArn = a.String("mpaApprovalTeamArn"),
            ShareWithAccounts = a.Strings("shareWithAccounts") ?? [],
            EncryptionKeyArn = a.String("encryptionKeyArn"),
        };
        return enabled ? options : null;
    }

    public static MalwareScanOptions? ReadMalwareScanning(ConfigSection root)
    {
        if (root.Section("malwareScanning") is not { } m)
        {
            return null;
        }

        var defaults = new MalwareScanOptions();
        var enabled = m.Bool("enabled") != false;
        var options = defaults with
        {
            Tiers = m.Tiers("tiers") ?? defaults.Tiers,
            ScanMode = m.Choice<MalwareScanMode>("scanMode", "is not a scan mode", "'incremental' or 'full'", "incremental", "full") ?? defaults.ScanMode,
        };
        return enabled ? options : null;
    }

    public static ItemSearchOptions? ReadItemSearch(ConfigSection root)
    {
        if (root.Section("itemSearch") is not { } i)
        {
            return null;
        }

        var defaults = new ItemSearchOptions();
        var enabled = i.Bool("enabled") != false;
        var options = defaults with { Tiers = i.Tiers("tiers") ?? defaults.Tiers };
        return enabled ? options : null;
    }

    public static TamperAlertOptions? ReadTamperAlerts(ConfigSection root)
    {
        if (root.Section("tamperAlerts") is not { } t)
        {
            return null;
        }

        var enabled = t.Bool("enabled") != false;
        var options = new TamperAlertOptions { IncludeDeniedAttempts = t.Bool("includeDeniedAttempts") ?? true };
        return enabled ? options : null;
    }
}
