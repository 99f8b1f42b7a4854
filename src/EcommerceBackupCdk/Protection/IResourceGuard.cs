using Amazon.CDK;
using EcommerceBackupCdk.Validation;

namespace EcommerceBackupCdk.Protection;

/// <summary>The guard-rails of one family of stateful resources.</summary>
internal interface IResourceGuard
{
    /// <summary>Whether the guard handles the resource.</summary>
    bool AppliesTo(CfnResource resource);

    /// <summary>Sets what is missing, where that can be done without replacing the resource.</summary>
    void Enforce(CfnResource resource, TierProtection tier);

    /// <summary>Records what is missing; keys are CloudFormation property paths.</summary>
    void Verify(CfnResource resource, TierProtection tier, ValidationProblems problems);
}
