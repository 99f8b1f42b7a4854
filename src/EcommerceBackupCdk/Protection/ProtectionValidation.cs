using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Protection;

/// <summary>
/// The synth-time check of one stateful resource, run after every aspect: coverage (tier tag or exclusion with a
/// reason), then the guard-rails of its tier. In enforce mode it catches what could not be set; in verify mode it
/// reports everything missing. CDK prefixes each message with the resource's construct path.
/// </summary>
internal sealed class ProtectionValidation(CfnResource resource, IResourceGuard? guard, IReadOnlyDictionary<Tiers.TierName, TierProtection> tiers)
    : DeputyBase, IValidation
{
    public string[] Validate()
    {
        var problems = new ValidationProblems();
        var tags = ResourceTags.Of(resource);
        CoverageCheck.Check(tags, problems);
        var enrollment = CoverageCheck.EnrollmentOf(tags);
        if (guard is not null && enrollment is { IsEnrolled: true, Unresolved: false })
        {
            guard.Verify(resource, tiers[enrollment.Tier!.Value], problems);
        }

        return problems.All.Select(p => $"{resource.CfnResourceType} {p}").ToArray();
    }
}
