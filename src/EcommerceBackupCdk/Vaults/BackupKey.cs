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

        if (props.PublishingServices.Count > 0 && props.TopicArn is null)
        {
            throw new ArgumentException("BackupKeyProps.TopicArn: is missing (got nothing, allowed the ARN of the topic the key encrypts, required when PublishingServices is set)", nameof(props));
        }

        foreach (var service in props.PublishingServices)
        {
            // Scoped to the one topic by the encryption context SNS binds to its data keys. EventBridge gets no source
            // condition: "Adding the aws:SourceAccount, aws:SourceArn, and aws:SourceOrgID to a AWS KMS policy is not
            // supported for EventBridge-to-encrypted topics."
            // (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html); the topic policy keeps it. Checked by
            // Rules/SnsKeyEventBridgeGrant.
            var equals = new Dictionary<string, object> { [EncryptionContextTopicArn] = props.TopicArn! };
            if (service != EventBridgePrincipal)
            {
                equals["aws:SourceAccount"] = Aws.ACCOUNT_ID;
            }

            Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = $"AllowPublishBy{service.Split('.')[0]}",
                Principals = [new ServicePrincipal(service)],
                Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resources = ["*"],
                Conditions = new Dictionary<string, object> { ["StringEquals"] = equals },
            }));
        }
    }

    // The encryption context key SNS uses, as in AWS's key policy example for encrypted topics:
    // "kms:EncryptionContext:aws:sns:topicArn": "arn:aws:sns:your_region:your_account:your_sns_topic_name"
    // (https://docs.amazonaws.cn/en_us/gamelift/latest/flexmatchguide/queue-notification-sns-sse.html).
    private const string EncryptionContextTopicArn = "kms:EncryptionContext:aws:sns:topicArn";

    private const string EventBridgePrincipal = "events.amazonaws.com";

    /// <summary>The key.</summary>
    public IKey Key { get; }
}
