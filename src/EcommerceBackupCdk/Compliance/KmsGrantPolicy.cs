using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;

namespace EcommerceBackupCdk.Compliance;

/// <summary>
/// Limits who may create grants on a KMS key to AWS services (AWS Control Tower control CT.KMS.PR.3). Every key of the
/// library carries this statement; call it on your own keys too.
/// </summary>
/// <remarks>
/// <para>
/// Grants are how integrated services use a key for you: "The service creates a grant on behalf of a user in the
/// account, uses its permissions, and retires the grant as soon as its task is complete"
/// (https://docs.aws.amazon.com/kms/latest/developerguide/grants.html). AWS Backup, RDS, DynamoDB, EBS and Lambda all
/// work that way, and for such requests <c>kms:GrantIsForAWSResource</c> is true: it "Allows principals to call
/// CreateGrant, ListGrants, or RevokeGrant only when an AWS service that is integrated with AWS KMS sends the request on
/// the principal's behalf" (https://docs.aws.amazon.com/kms/latest/developerguide/grant-authorization.html). So the deny
/// below takes nothing from the backup system and stops a person or a compromised role from granting itself a key.
/// </para>
/// <para>
/// The statement has the exact shape the control's cfn-guard rule (<c>kms_create_grant_aws_service_check</c>) accepts:
/// Deny, principal <c>*</c>, action <c>kms:CreateGrant</c>, resource <c>*</c>, and only a <c>BoolIfExists</c>
/// condition with <c>kms:GrantIsForAWSResource</c> and <c>aws:PrincipalIsAWSService</c> both <c>"false"</c>; the rule's
/// message: "Configure a KMS key policy statement that denies access to the 'kms:CreateGrant' operation for all
/// principals when the 'kms:GrantIsForAWSResource' and 'aws:PrincipalIsAWSService' conditions are both false, using
/// the 'BoolIfExists' condition operator." (rule file rules/control-tower/cfn-guard/keymanagementservice/ct-kms-pr-3.guard
/// of npm @cdklabs/cdk-validator-cfnguard 0.0.62).
/// </para>
/// </remarks>
public static class KmsGrantPolicy
{
    /// <summary>Sid of the statement, so it can be found in the key policy.</summary>
    public const string Sid = "DenyGrantsExceptForAwsServices";

    /// <summary>Adds the deny statement to the key's policy (a key imported by ARN has no policy to change: nothing happens).</summary>
    public static void LimitToAwsServices(IKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        key.AddToResourcePolicy(Statement());
    }

    /// <summary>The statement, for keys whose policy is written by hand.</summary>
    public static PolicyStatement Statement() => new(new PolicyStatementProps
    {
        Sid = Sid,
        Effect = Effect.DENY,
        Principals = [new AnyPrincipal()],
        Actions = ["kms:CreateGrant"],
        Resources = ["*"],
        Conditions = new Dictionary<string, object>
        {
            ["BoolIfExists"] = new Dictionary<string, object>
            {
                ["kms:GrantIsForAWSResource"] = "false",
                ["aws:PrincipalIsAWSService"] = "false",
            },
        },
    });
}
