using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Protection;

/// <summary>Checks <see cref="ProtectionOptions"/> against the targets; keys are those of the <c>ecommerceBackup.protection</c> config.</summary>
public static class ProtectionValidator
{
    /// <summary>Adds every problem of the options to <paramref name="problems"/>.</summary>
    public static void Validate(ProtectionOptions? options, BackupTargets? targets, ValidationProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (options is null)
        {
            return;
        }

        var transition = options.NoncurrentVersionTransitionAfter;
        if (transition < TimeSpan.FromDays(1) || transition.Ticks % TimeSpan.TicksPerDay != 0)
        {
            problems.Add("protection.noncurrentVersionTransitionAfter", "must be whole days, at least 1 day", transition, "1d or more in whole days");
        }

        var pitr = options.PointInTimeRecovery;
        if (pitr < TimeSpan.FromDays(1) || pitr > ProtectionDefaults.MaxPointInTimeRecovery || pitr.Ticks % TimeSpan.TicksPerDay != 0)
        {
            problems.Add("protection.pointInTimeRecovery", "is out of range", pitr, "whole days from 1d to 35d (DynamoDB, RDS and Aurora limit)");
        }

        if (targets is null || targets.Each().Any(t => t.Targets?.Rules is null))
        {
            return;
        }

        foreach (var (tier, _) in targets.Each())
        {
            var tp = TierProtection.For(tier, targets, options);
            if (tp.Retention <= transition)
            {
                problems.Add("protection.noncurrentVersionTransitionAfter",
                    $"must be shorter than the {tier.TagValue()} tier's retention, after which noncurrent versions expire (S3 requires the expiration after the transition)",
                    transition, $"less than {DurationText.Format(tp.Retention)}");
            }
        }
    }

    /// <summary>Validates and throws <see cref="BackupConfigurationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(DataProtectionAspectProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var problems = new ValidationProblems();
        PropsValidator.ValidateTargets(props.Targets, problems);
        Validate(props.Options, props.Targets, problems);
        problems.ThrowIfAny(nameof(DataProtectionAspectProps));
    }
}
