using Amazon.CDK;
using Amazon.CDK.AWS.RAM;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Validation;
using Constructs;

namespace EcommerceBackupCdk.Vaults;

/// <summary>
/// A logically air-gapped backup vault (<c>AWS::Backup::LogicallyAirGappedBackupVault</c>) for the DR account: locked by
/// AWS in compliance mode, its recovery points stored in an AWS Backup service-owned account, its minimum and maximum
/// retention the range of the copies written into it, an access policy that lets the source account copy in, an optional
/// multi-party approval team and an optional AWS RAM share with recovery accounts. CDK 2.160 has no L1 for the type, so
/// this is the one place that renders it as a raw <see cref="CfnResource"/>.
/// </summary>
/// <remarks>
/// "Logically air-gapped vaults come equipped with additional protection features; each vault is encrypted with either an
/// AWS owned key (default) or optionally with a customer-managed KMS key, and each vault is equipped with AWS Backup
/// Vault Lock's compliance mode." "You can integrate your logically air-gapped vaults with Multi-party approval (MPA) to
/// enable recovery of backups in the vaults even if the vault-owning account is inaccessible ... integrate with AWS
/// Resource Access Manager (RAM) to share a logically air-gapped vault with other AWS accounts" —
/// https://docs.aws.amazon.com/aws-backup/latest/devguide/logicallyairgappedvault.html. Properties
/// (BackupVaultName, MinRetentionDays, MaxRetentionDays, AccessPolicy, EncryptionKeyArn, MpaApprovalTeamArn; attribute
/// BackupVaultArn): http://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-backup-logicallyairgappedbackupvault.html,
/// checked against cfn-lint's schema of the type.
/// </remarks>
public sealed class AirGappedVault : Construct
{
    /// <summary>Validates the props (all problems at once) and creates the vault.</summary>
    public AirGappedVault(Construct scope, string id, AirGappedVaultProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var problems = new ValidationProblems();
        if (!PropsValidator.IsAccountId(props.SourceAccount))
        {
            problems.Add("sourceAccount", "is not an AWS account id", props.SourceAccount, "12 digits");
        }

        if (props.WrittenRetentions.Count == 0)
        {
            problems.Add("writtenRetentions", "is empty; a vault nothing copies into does nothing", 0, "1 or more retentions");
        }

        AirGappedVaultValidator.ValidateOptions(props.Options, null, problems);
        for (var i = 0; i < props.WrittenRetentions.Count; i++)
        {
            AirGappedVaultValidator.ValidateRetention($"writtenRetentions[{i}]", props.WrittenRetentions[i], problems);
        }

        problems.ThrowIfAny(nameof(AirGappedVaultProps));

        Name = VaultNames.For(props.StoreName, VaultRole.AirGapped);
        MinRetention = props.WrittenRetentions.Min();
        MaxRetention = props.WrittenRetentions.Max();

        // Plain JSON rather than an IAM PolicyDocument object: a raw CfnResource's properties are read back by the
        // service rules (Rules/RuleTemplate), and a C# IResolvable nested in them makes jsii call back into .NET while
        // resolving. Same statement as RecoveryVault's access policy.
        var statement = new Dictionary<string, object>
        {
            ["Sid"] = "AllowCopyIntoVault",
            ["Effect"] = "Allow",
            ["Action"] = "backup:CopyIntoBackupVault",
            ["Resource"] = "*",
            ["Principal"] = props.OrganizationId is null
                ? new Dictionary<string, object> { ["AWS"] = $"arn:{Stack.Of(this).Partition}:iam::{props.SourceAccount}:root" }
                : new Dictionary<string, object> { ["AWS"] = "*" },
        };
        if (props.OrganizationId is not null)
        {
            statement["Condition"] = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:PrincipalOrgID"] = props.OrganizationId },
            };
        }

        var policy = new Dictionary<string, object> { ["Version"] = "2012-10-17", ["Statement"] = new object[] { statement } };

        var properties = new Dictionary<string, object>
        {
            ["BackupVaultName"] = Name,
            ["MinRetentionDays"] = (int)MinRetention.TotalDays,
            ["MaxRetentionDays"] = (int)MaxRetention.TotalDays,
            ["AccessPolicy"] = policy,
        };
        if (props.Options.EncryptionKeyArn is { } key)
        {
            properties["EncryptionKeyArn"] = key;
        }

        if (props.Options.MpaApprovalTeamArn is { } team)
        {
            properties["MpaApprovalTeamArn"] = team;
        }

        Resource = new CfnResource(this, "Resource", new CfnResourceProps
        {
            Type = AirGappedVaultFacts.CloudFormationType,
            Properties = properties,
        });
        // Kept on delete and replacement, removed when its own first deploy rolls back (empty then; see NamedResourceRetainExceptOnCreate).
        Resource.ApplyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
        VaultArn = Resource.GetAtt("BackupVaultArn").ToString();

        if (props.Options.ShareWithAccounts.Count > 0)
        {
            // "share a logically air-gapped vault with other AWS accounts (including accounts in other organizations) so
            // that the backups stored within the vault can be restored from an account with which the vault is shared"
            Share = new CfnResourceShare(this, "Share", new CfnResourceShareProps
            {
                Name = new PhysicalNames(props.StoreName).AirGappedVaultShare,
                ResourceArns = [VaultArn],
                Principals = [.. props.Options.ShareWithAccounts],
            });
        }
    }

    /// <summary>The vault name, <c>&lt;store&gt;-air-gapped</c>.</summary>
    public string Name { get; }

    /// <summary>The raw CloudFormation resource.</summary>
    public CfnResource Resource { get; }

    /// <summary>The vault ARN (a token).</summary>
    public string VaultArn { get; }

    /// <summary>The RAM share with the recovery accounts, or null when none is configured.</summary>
    public CfnResourceShare? Share { get; }

    /// <summary>The vault's minimum retention: the shortest copy written into it.</summary>
    public TimeSpan MinRetention { get; }

    /// <summary>The vault's maximum retention: the longest copy written into it.</summary>
    public TimeSpan MaxRetention { get; }
}
