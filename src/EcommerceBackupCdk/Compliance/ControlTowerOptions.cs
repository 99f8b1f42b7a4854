namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// How the constructs meet AWS Control Tower's proactive controls (CloudFormation hooks that block a non-compliant
/// resource at deploy: "These controls are referred to as proactive because they check your resources – before the
/// resources are deployed", https://docs.aws.amazon.com/controltower/latest/controlreference/proactive-controls.html).
/// </summary>
/// <remarks>
/// By default the constructs meet every control that improves the product for everyone (e.g. CT.KMS.PR.3: key policies
/// let only AWS services create grants; CT.SQS.PR.1: the dead-letter queue is marked as one) and suppress the optional
/// ones, each with its reason, as <c>guard</c> metadata the Control Tower gate (<c>scripts/controltower-gate.mjs</c>)
/// reads. <see cref="Strict"/> turns the optional ones on for organizations that enforce them. The README lists which
/// control each mode meets.
/// </remarks>
public sealed record ControlTowerOptions
{
    /// <summary>Construct context key the facade sets from <see cref="Strict"/>; standalone constructs read it too.</summary>
    public const string StrictContextKey = "ecommerce-backup:controlTowerStrict";

    /// <summary>
    /// Meet the stricter optional controls too: S3 event notifications to EventBridge on every bucket (CT.S3.PR.4),
    /// S3 Object Lock on every bucket that may have it (CT.S3.PR.9), every Lambda function in a customer VPC
    /// (CT.LAMBDA.PR.3 — needs <see cref="Drills.DrillOptions.Network"/>). Object Lock cannot be turned off once on.
    /// Default: false.
    /// </summary>
    public bool Strict { get; init; }
}
