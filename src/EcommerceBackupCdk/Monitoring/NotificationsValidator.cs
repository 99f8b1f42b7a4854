using System.Text.RegularExpressions;
using EcommerceBackupCdk.Contract;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>The rules for <see cref="NotificationOptions"/>, next to the options.</summary>
internal static partial class NotificationsValidator
{
    internal static void Validate(NotificationOptions? notifications, ValidationProblems problems)
    {
        if (notifications is null)
        {
            return;
        }

        for (var i = 0; i < notifications.Emails.Count; i++)
        {
            if (!EmailPattern().IsMatch(notifications.Emails[i] ?? string.Empty))
            {
                problems.Add($"notifications.emails[{i}]", "is not an email address", notifications.Emails[i], "an address like 'oncall@example.com'");
            }
        }

        foreach (var e in notifications.VaultEvents)
        {
            if (VaultEvents.Deprecated.Contains(e))
            {
                problems.Add("notifications.vaultEvents", "is deprecated: AWS Backup accepts it but never sends it, so the alert would never arrive", e,
                    string.Join(", ", VaultEvents.Supported));
            }
            else if (!VaultEvents.Supported.Contains(e))
            {
                problems.Add("notifications.vaultEvents", "is not a backup vault event", e, string.Join(", ", VaultEvents.Supported));
            }
        }
    }


    [GeneratedRegex(ValueFormats.EmailAddress)]
    private static partial Regex EmailPattern();
}
