using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Vaults;
using Constructs;

namespace EcommerceBackupCdk.Monitoring;

/// <summary>
/// The SNS topic backup alerts go to: encrypted with its own customer-managed key, TLS-only, and publishable only
/// by AWS Backup, EventBridge and CloudWatch alarms of this account.
/// </summary>
public sealed class BackupTopic : Construct
{
    /// <summary>The service principals allowed to publish.</summary>
    public static IReadOnlyList<string> Publishers { get; } = ["backup.amazonaws.com", "events.amazonaws.com", "cloudwatch.amazonaws.com"];

    /// <summary>Creates the topic.</summary>
    public BackupTopic(Construct scope, string id, BackupTopicProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var name = new PhysicalNames(props.StoreName).Topic(props.Purpose);
        Key = new BackupKey(this, "Key", new BackupKeyProps
        {
            Alias = name,
            Description = $"Encrypts the {name} SNS topic of store {props.StoreName}.",
            PublishingServices = Publishers,
            // Built from the name, not Topic.TopicArn: the topic references the key, so the key policy cannot reference the topic.
            TopicArn = Stack.Of(this).FormatArn(new ArnComponents { Service = "sns", Resource = name }),
        }).Key;

        Topic = new Topic(this, "Resource", new TopicProps
        {
            TopicName = name,
            DisplayName = $"{props.StoreName} backup {props.Purpose}",
            MasterKey = Key,
            EnforceSSL = true,
        });

        Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowBackupEventsAndAlarmsToPublish",
            Principals = Publishers.Select(p => (IPrincipal)new ServicePrincipal(p)).ToArray(),
            Actions = ["sns:Publish"],
            Resources = [Topic.TopicArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
            },
        }));

        foreach (var email in props.Emails)
        {
            Topic.AddSubscription(new EmailSubscription(email));
        }
    }

    /// <summary>The topic.</summary>
    public ITopic Topic { get; }

    /// <summary>The key encrypting the topic.</summary>
    public Amazon.CDK.AWS.KMS.IKey Key { get; }
}
