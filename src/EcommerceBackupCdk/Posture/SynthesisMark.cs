using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace EcommerceBackupCdk.Posture;

/// <summary>
/// An aspect that records, on the instance its construct owns, that synthesis has visited the construct. "Aspects can be
/// applied to CDK tree scopes and can operate on the tree before synthesis" (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.Aspects.html):
/// CDK's <c>synthesize</c> starts with <c>invokeAspects(root)</c> (core/lib/private/synthesis), so an aspect runs only
/// once <c>app.Synth()</c> or <c>Template.FromStack</c> has started, and tags (<c>Tags.Of(x).Add</c>) are aspects too.
/// State on the instance the facade owns, not a static table: it lives and dies with that facade.
/// </summary>
internal sealed class SynthesisMark : DeputyBase, IAspect
{
    /// <summary>Whether synthesis has visited the construct.</summary>
    public bool Seen { get; private set; }

    public void Visit(IConstruct node) => Seen = true;
}
