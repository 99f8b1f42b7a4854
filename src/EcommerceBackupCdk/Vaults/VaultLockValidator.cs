using System.Text.RegularExpressions;
using EcommerceBackupCdk.Contract;
using EcommerceBackupCdk.Monitoring;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.Vaults;

/// <summary>The rules for <see cref="VaultLockOptions"/>, next to the options: the lock's limits against every retention written into each vault.</summary>
internal static class VaultLockValidator
{
    internal static void Validate(EcommerceBackupProps props, ValidationProblems problems)
    {
        var lockOptions = props.VaultLock;
        if (lockOptions is null)
        {
            problems.Add("vaultLock", "is missing", null, "vault lock options");
            return;
        }

        if (lockOptions.Mode == VaultLockMode.Compliance && !lockOptions.AcknowledgeComplianceModeIsIrreversible)
        {
            problems.Add("vaultLock.acknowledgeComplianceModeIsIrreversible",
                "compliance mode makes the lock and every recovery point's retention permanent after the grace time; acknowledge this explicitly",
                false, "true when vaultLock.mode is 'compliance'");
        }

        // ChangeableForDays: "Amazon Backup enforces a 72-hour cooling-off period before Vault Lock takes effect and becomes
        // immutable. Therefore, you must set ChangeableForDays to 3 or greater." ... "If this parameter is not specified,
        // you can delete Vault Lock from the vault using DeleteBackupVaultLockConfiguration or change the Vault Lock
        // configuration using PutBackupVaultLockConfiguration at any time."
        // (https://docs.amazonaws.cn/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupvault-lockconfigurationtype.html)
        // A governance lock is the one without ChangeableForDays, so there a grace time would do nothing.
        if (lockOptions.Mode == VaultLockMode.Governance && lockOptions.ChangeableFor is { } ignored)
        {
            problems.Add("vaultLock.changeableFor", "does nothing in governance mode: only a compliance-mode lock has a grace time", ignored,
                "no value with vaultLock.mode 'governance', or vaultLock.mode 'compliance'");
        }

        if (lockOptions.Mode == VaultLockMode.Compliance && lockOptions.ChangeableFor is { } grace && (grace < TimeSpan.FromDays(3) || !DurationText.IsWholeDays(grace)))
        {
            problems.Add("vaultLock.changeableFor", "grace time is too short", grace, "whole days, at least 3d (AWS minimum)");
        }

        if (lockOptions.MinRetention is { } min && (min < TimeSpan.FromDays(1) || !DurationText.IsWholeDays(min)))
        {
            problems.Add("vaultLock.minRetention", "must be whole days, at least 1 day", min, "1d to 36500d");
        }

        if (lockOptions.MaxRetention is { } max && (max > TargetsValidator.MaxRetention || !DurationText.IsWholeDays(max) || max < TimeSpan.FromDays(1)))
        {
            problems.Add("vaultLock.maxRetention", "must be whole days, at most 36500 days", max, "1d to 36500d");
        }

        if (lockOptions.MinRetention is { } a && lockOptions.MaxRetention is { } b && a > b)
        {
            problems.Add("vaultLock.minRetention", "is longer than vaultLock.maxRetention", a, $"at most {DurationText.Format(b)}");
        }

        if (props.Targets is null)
        {
            return;
        }

        // The air-gapped vault has no Vault Lock options: AWS locks it in compliance mode and its limits are derived
        // (AirGappedVaultValidator checks its retentions).
        foreach (var role in Enum.GetValues<VaultRole>().Where(r => r != VaultRole.AirGapped))
        {
            var written = SafeRetentions(props.Targets, role);
            if (written.Count == 0)
            {
                continue;
            }

            var (lockMin, lockMax) = VaultLockLimits.Of(lockOptions, written);
            foreach (var (key, retention) in written)
            {
                if (retention < lockMin)
                {
                    problems.Add(key, $"is shorter than the {VaultRoleText(role)} vault lock's minimum retention; AWS Backup would fail every job", retention,
                        $"at least vaultLock.minRetention = {DurationText.Format(lockMin)}");
                }

                if (retention > lockMax)
                {
                    problems.Add(key, $"is longer than the {VaultRoleText(role)} vault lock's maximum retention; AWS Backup would fail every job", retention,
                        $"at most vaultLock.maxRetention = {DurationText.Format(lockMax)}");
                }
            }
        }
    }

    private static List<(string Key, TimeSpan Retention)> SafeRetentions(BackupTargets targets, VaultRole role)
    {
        try
        {
            return [.. BackupTopology.RetentionsWrittenInto(targets, role)];
        }
        catch (NullReferenceException)
        {
            // Missing parts are reported by ValidateTargets; nothing more to say about the lock.
            return [];
        }
    }

    private static string VaultRoleText(VaultRole role) => role switch
    {
        VaultRole.Primary => "primary",
        VaultRole.DrRegion => "DR-region",
        VaultRole.AirGapped => "air-gapped",
        _ => "DR-account",
    };
}
