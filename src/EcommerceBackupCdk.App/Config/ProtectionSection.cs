using EcommerceBackupCdk.Protection;

namespace EcommerceBackupCdk.App.Config;

/// <summary>
/// The <c>protection</c> key: the guard-rails aspect, on unless <c>enabled</c> is false. The rules of the values
/// (PITR window, noncurrent-version transition against the tiers' retention) are the library's
/// (<see cref="ProtectionValidator"/>).
/// </summary>
internal static class ProtectionSection
{
    public static ProtectionOptions? Read(ConfigSection root)
    {
        var defaults = new ProtectionOptions();
        if (root.Section("protection") is not { } p)
        {
            return defaults;
        }

        var enabled = p.Bool("enabled") != false;
        var options = new ProtectionOptions
        {
            Mode = p.Choice<ProtectionMode>("mode", "is not a protection mode", "'enforce' or 'verify'", "enforce", "verify") ?? ProtectionMode.Enforce,
            NoncurrentVersionTransitionAfter = p.Duration("noncurrentVersionTransitionAfter") ?? defaults.NoncurrentVersionTransitionAfter,
            PointInTimeRecovery = p.Duration("pointInTimeRecovery") ?? defaults.PointInTimeRecovery,
            WholeApp = p.Bool("wholeApp") ?? defaults.WholeApp,
        };
        p.RefuseWhileDisabled(enabled);
        return enabled ? options : null;
    }
}
