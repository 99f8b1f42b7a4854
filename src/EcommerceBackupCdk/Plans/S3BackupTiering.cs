using System.Globalization;
using Amazon.CDK;
using EcommerceBackupCdk.Validation;
using Constructs;

namespace EcommerceBackupCdk.Plans;

/// <summary>
/// Moves S3 backup data older than <see cref="S3BackupTieringProps.After"/> in one vault to AWS Backup's low-cost warm
/// tier. "AWS Backup offers a lower-cost warm storage tier for Amazon S3 backups that reduces long-term storage costs by
/// up to 30% while maintaining enterprise-grade protection and recovery capabilities." and "You can configure tiering to
/// move S3 backup data to cost-optimized storage based on the age of objects within your backup vaults."
/// (https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-tiering.html). CDK 2.160 has no
/// <c>AWS::Backup::TieringConfiguration</c>, so this is the one raw <see cref="CfnResource"/> of it
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-backup-tieringconfiguration.html).
/// </summary>
public sealed class S3BackupTiering : Construct
{
    /// <summary>
    /// Default and minimum age: 60 days. "TieringDownSettingsInDays: The number of days after creation within a backup
    /// vault that an object can transition to the low cost warm storage tier. Must be a positive integer between 60 and
    /// 36500 days." (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ResourceSelection.html).
    /// </summary>
    public static readonly TimeSpan DefaultAfter = TimeSpan.FromDays(60);

    private static readonly string[] AllResources = ["*"];

    /// <summary>The maximum age AWS accepts: 36500 days.</summary>
    public static readonly TimeSpan MaxAfter = TimeSpan.FromDays(36500);

    /// <summary>Validates the props and creates the tiering configuration.</summary>
    public S3BackupTiering(Construct scope, string id, S3BackupTieringProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var problems = new ValidationProblems();
        Validate(props.After, "after", problems);
        if (props.After >= props.LongestRetention)
        {
            problems.Add("after", $"moves nothing: vault {props.VaultName} keeps nothing longer than {DurationText.Format(props.LongestRetention)}", props.After,
                $"less than {DurationText.Format(props.LongestRetention)}, or no tiering");
        }

        problems.ThrowIfAny(nameof(S3BackupTieringProps));

        // "TieringConfigurationName ... must consist of only alphanumeric characters and underscores."
        // (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_TieringConfigurationInputForCreate.html)
        var name = props.VaultName.Replace('-', '_') + "_s3_tiering";
        Resource = new CfnResource(this, "Resource", new CfnResourceProps
        {
            Type = "AWS::Backup::TieringConfiguration",
            Properties = new Dictionary<string, object>
            {
                ["TieringConfigurationName"] = name,
                ["BackupVaultName"] = props.VaultName,
                ["ResourceSelection"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["ResourceType"] = "S3",
                        ["Resources"] = AllResources,
                        ["TieringDownSettingsInDays"] = (int)props.After.TotalDays,
                    },
                },
            },
        });
    }

    /// <summary>The <c>AWS::Backup::TieringConfiguration</c>.</summary>
    public CfnResource Resource { get; }

    /// <summary>Checks an age: whole days, 60 to 36500.</summary>
    internal static void Validate(TimeSpan after, string key, ValidationProblems problems)
    {
        if (after.Ticks % TimeSpan.TicksPerDay != 0 || after < DefaultAfter || after > MaxAfter)
        {
            problems.Add(key, "is not a tiering age AWS Backup accepts", after,
                string.Create(CultureInfo.InvariantCulture, $"whole days from {(int)DefaultAfter.TotalDays}d to {(int)MaxAfter.TotalDays}d"));
        }
    }
}
