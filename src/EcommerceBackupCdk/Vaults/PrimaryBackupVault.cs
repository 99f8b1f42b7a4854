using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace EcommerceBackupCdk.Vaults;

/// <summary>
/// The vault every backup rule writes into: encrypted with its own rotating customer-managed key, locked
/// (governance mode by default), recovery-point deletion denied by the access policy, retained on stack deletion.
/// </summary>
public sealed class PrimaryBackupVault : Construct
{
    /// <summary>Creates the vault.</summary>
    public PrimaryBackupVault(Construct scope, string id, PrimaryBackupVaultProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var policy = new PolicyDocument();
        foreach (var account in props.RecoveryAccounts)
        {
            policy.AddStatements(new PolicyStatement(new PolicyStatementProps
            {
                Sid = $"AllowCopyBackFrom{account}",
                Principals = [new AccountPrincipal(account)],
                Actions = ["backup:CopyIntoBackupVault"],
                Resources = ["*"],
            }));
        }

        (Vault, Key, LockMinRetention, LockMaxRetention) =
            VaultFactory.Create(this, props.Settings, VaultRole.Primary, props.RecoveryAccounts, policy);
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
