using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using EcommerceBackupCdk.Validation;
using Constructs;

namespace EcommerceBackupCdk.Vaults;

/// <summary>
/// A recovery vault in the DR region or the DR account: same encryption, lock and deletion protection as the primary
/// vault, with an access policy that lets the source account (or its organization) copy recovery points in.
/// </summary>
public sealed class RecoveryVault : Construct
{
    /// <summary>Creates the vault.</summary>
    public RecoveryVault(Construct scope, string id, RecoveryVaultProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var problems = new ValidationProblems();
        if (props.Role == VaultRole.Primary)
        {
            problems.Add("role", "a recovery vault cannot be the primary vault", props.Role.ToString(), "DrRegion, DrAccount");
        }

        if (!PropsValidator.IsAccountId(props.SourceAccount))
        {
            problems.Add("sourceAccount", "is not an AWS account id", props.SourceAccount, "12 digits");
        }

        problems.ThrowIfAny(nameof(RecoveryVaultProps));

        var statement = new PolicyStatementProps
        {
            Sid = "AllowCopyIntoVault",
            Actions = ["backup:CopyIntoBackupVault"],
            Resources = ["*"],
            Principals = props.OrganizationId is null ? [new AccountPrincipal(props.SourceAccount)] : [new AnyPrincipal()],
        };
        if (props.OrganizationId is not null)
        {
            statement.Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:PrincipalOrgID"] = props.OrganizationId },
            };
        }

        var policy = new PolicyDocument();
        policy.AddStatements(new PolicyStatement(statement));

        (Vault, Key, LockMinRetention, LockMaxRetention) =
            VaultFactory.Create(this, props.Settings, props.Role, [props.SourceAccount], policy);
    }

    /// <summary>The vault.</summary>
    public IBackupVault Vault { get; }

    /// <summary>The key encrypting its recovery points.</summary>
    public IKey Key { get; }

    /// <summary>The lock's minimum retention in force.</summary>
    public TimeSpan LockMinRetention { get; }

    /// <summary>The lock's maximum retention in force.</summary>
    public TimeSpan LockMaxRetention { get; }
}
