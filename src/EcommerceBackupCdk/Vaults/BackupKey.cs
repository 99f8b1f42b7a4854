using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace EcommerceBackupCdk.Vaults;

/// <summary>
/// A customer-managed KMS key for one vault (or topic): automatic yearly rotation, retained on stack deletion
/// (deleting it would make every recovery point it encrypts unreadable), usable by AWS Backup of this account and,
/// optionally, of the accounts that copy into or out of the vault.
/// </summary>
public sealed class BackupKey : Construct
{
    /// <summary>Creates the key.</summary>
    public BackupKey(Construct scope, string id, BackupKeyProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Key = new Key(this, "Resource", new KeyProps
        {
            Alias = $"alias/{props.Alias}",
            Description = props.Description,
            EnableKeyRotation = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
            PendingWindow = Duration.Days(30),
        });
        // CT.KMS.PR.3: only AWS services (AWS Backup, copies) create grants on it.
        Compliance.KmsGrantPolicy.LimitToAwsServices(Key);

        foreach (var account in props.CopyAccounts)
        {
            Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = $"AllowBackupCopiesBy{account}",
                Principals = [new AccountPrincipal(account)],
                Actions = ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:CreateGrant"],
                Resources = ["*"],
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"backup.{Aws.REGION}.amazonaws.com" },
                },
            }));
        }

        foreach (var service in props.PublishingServices)
        {
            Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = $"AllowPublishBy{service.Split('.')[0]}",
                Principals = [new ServicePrincipal(service)],
                Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resources = ["*"],
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
                },
            }));
        }
    }

    /// <summary>The key.</summary>
    public IKey Key { get; }
}
